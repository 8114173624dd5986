namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>
/// An ifmap or filter SRAM of SCALE-Sim's double-buffered scratchpad: serves one demand row per call
/// and keeps the DRAM traffic it caused (count and first/last DRAM trace cycle). Disposing it returns its
/// operand-sized table to its thread's keeping (<see cref="OperandTable{T}"/>).
/// </summary>
internal interface IScaleSimReadBuffer : IDisposable
{
    /// <summary>Serves the addresses of one demand row (-1 = idle) requested at <paramref name="cycle"/>; returns the cycle they are served.</summary>
    long Service(ReadOnlySpan<int> row, long cycle);

    /// <summary>Called after the last row (SCALE-Sim's <c>complete_all_prefetches</c> in CALC mode).</summary>
    void Complete();

    DramActivity Dram { get; }
}
