namespace QuantSim.Datapaths.Hardware;

/// <summary>
/// MACs one PE completes per cycle as an exact fraction <see cref="Macs"/>/<see cref="Cycles"/>
/// kept in lowest terms (e.g. 16 for sixteen 2x2 products per cycle on a Bit Fusion unit, 1/4 for a
/// 16x16 product that takes it four cycles). Array timing divides a PE's work by it.
/// </summary>
public sealed record PeThroughput
{
    public PeThroughput(int macs, int cycles)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(macs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(cycles, 1);
        int g = Gcd(macs, cycles);
        Macs = macs / g;
        Cycles = cycles / g;
    }

    public static PeThroughput OnePerCycle { get; } = new(1, 1);

    public int Macs { get; }

    public int Cycles { get; }

    /// <summary>Cycles one PE needs for <paramref name="macs"/> MACs, rounded up to whole cycles.</summary>
    public long CyclesFor(long macs) => (macs * Cycles + Macs - 1) / Macs;

    public override string ToString() => Cycles == 1 ? $"{Macs}" : $"{Macs}/{Cycles}";

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
