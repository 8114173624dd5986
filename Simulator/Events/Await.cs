namespace QuantSim.Simulator.Events;

/// <summary>What a <see cref="SimProcess"/> waits for when it yields: some cycles, or a signal.</summary>
public readonly struct Await
{
    private Await(long cycles, Signal? signal)
    {
        Cycles = cycles;
        Signal = signal;
    }

    public long Cycles { get; }

    public Signal? Signal { get; }

    /// <summary>Resume after <paramref name="cycles"/> cycles (0 yields to other events of this cycle).</summary>
    public static Await Delay(long cycles)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cycles);
        return new Await(cycles, null);
    }

    /// <summary>Resume when <paramref name="signal"/> fires (at once if it already has).</summary>
    public static Await For(Signal signal) => new(0, signal ?? throw new ArgumentNullException(nameof(signal)));
}
