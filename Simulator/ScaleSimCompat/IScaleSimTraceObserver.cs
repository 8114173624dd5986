using QuantSim.Simulator.Timing;

namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>
/// Receives what SCALE-Sim would print into a layer's trace files, in order: the cycle stamp of every
/// SRAM demand row (<c>*_SRAM_TRACE.csv</c>, first column) and every run of consecutive DRAM trace rows
/// (<c>*_DRAM_TRACE.csv</c>). Used to compare against SCALE-Sim's traces cycle by cycle.
/// </summary>
public interface IScaleSimTraceObserver
{
    void SramRow(ScaleSimOperand operand, long stamp, ReadOnlySpan<int> addresses);

    /// <summary>DRAM trace rows stamped <paramref name="firstStamp"/>, +1, ..., <paramref name="lastStamp"/>.</summary>
    void DramRows(ScaleSimOperand operand, long firstStamp, long lastStamp);
}
