namespace QuantSim.Simulator.Dram;

/// <summary>
/// Converts between accelerator cycles and DRAM clock cycles exactly (integer arithmetic on both
/// periods in femtoseconds), rounding up both ways: a DRAM command cannot start before the
/// accelerator asks, and the accelerator sees data in the first of its cycles after arrival.
/// </summary>
public sealed class DramClock
{
    private readonly Int128 _acceleratorPeriodFs;
    private readonly Int128 _dramPeriodFs;

    public DramClock(long acceleratorPeriodFs, long dramPeriodFs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(acceleratorPeriodFs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dramPeriodFs);
        _acceleratorPeriodFs = acceleratorPeriodFs;
        _dramPeriodFs = dramPeriodFs;
    }

    /// <summary>Both clocks equal: one accelerator cycle is one DRAM clock (used by tests).</summary>
    public static DramClock Identity { get; } = new(1, 1);

    /// <summary>An accelerator at <paramref name="clockMhz"/> (to the femtosecond) against a DRAM tCK in ps.</summary>
    public static DramClock For(double clockMhz, int tckPs) =>
        new((long)Math.Round(1e9 / clockMhz), tckPs * 1000L);

    public long ToDram(long acceleratorCycle) => CeilDiv(acceleratorCycle * _acceleratorPeriodFs, _dramPeriodFs);

    public long ToAccelerator(long dramCycle) => CeilDiv(dramCycle * _dramPeriodFs, _acceleratorPeriodFs);

    private static long CeilDiv(Int128 a, Int128 b) => (long)((a + b - 1) / b);
}
