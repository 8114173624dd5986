namespace QuantSim.Simulator.Events;

/// <summary>What a <see cref="SimProcess"/> waits for when it yields: some cycles, a signal, or a numbered signal of a family.</summary>
public readonly struct Await
{
    private Await(long cycles, Signal? signal, SignalFamily? family = null, int number = 0)
    {
        Cycles = cycles;
        Signal = signal;
        Family = family;
        Number = number;
    }

    public long Cycles { get; }

    public Signal? Signal { get; }

    public SignalFamily? Family { get; }

    /// <summary>Which signal of <see cref="Family"/>.</summary>
    public int Number { get; }

    /// <summary>Resume after <paramref name="cycles"/> cycles (0 yields to other events of this cycle).</summary>
    public static Await Delay(long cycles)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cycles);
        return new Await(cycles, null);
    }

    /// <summary>Resume when <paramref name="signal"/> fires (at once if it already has).</summary>
    public static Await For(Signal signal) => new(0, signal ?? throw new ArgumentNullException(nameof(signal)));

    /// <summary>Resume when signal <paramref name="number"/> of <paramref name="family"/> fires (at once if it already has).</summary>
    public static Await For(SignalFamily family, int number) => new(0, null, family ?? throw new ArgumentNullException(nameof(family)), number);
}
