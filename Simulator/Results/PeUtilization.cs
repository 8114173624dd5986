namespace QuantSim.Simulator.Results;

/// <summary>
/// Utilization, QuantSim's one definition: useful MACs over MAC slots, a slot being one cycle of one
/// (logical) PE, so a PE that does several MACs per cycle counts as that many PEs. What counts as the
/// cycles (the array's own, or with memory stalls) and as the MACs is the caller's.
/// </summary>
public static class PeUtilization
{
    /// <summary>MAC slots of <paramref name="cycles"/> on a rows x cols array, in floating point so that long runs of big arrays cannot overflow.</summary>
    public static double Slots(long cycles, int rows, int cols) => (double)cycles * rows * cols;

    /// <summary><paramref name="macs"/> / <paramref name="slots"/>; 0 when there are no slots.</summary>
    public static double Of(long macs, double slots) => slots == 0 ? 0 : macs / slots;
}
