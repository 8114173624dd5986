namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>DRAM side of one operand: first/last DRAM trace cycle and words moved.</summary>
public sealed record DramAccessSpan(long StartCycle, long StopCycle, long Accesses)
{
    /// <summary>SCALE-Sim's "Avg ... DRAM BW": words over the span of the operand's DRAM trace.</summary>
    public double AverageBandwidth => (double)Accesses / (StopCycle - StartCycle + 1);
}
