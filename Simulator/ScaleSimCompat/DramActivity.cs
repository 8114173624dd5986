namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>
/// What one operand's DRAM trace would contain: the words moved and the cycle stamps of its first and
/// last row (SCALE-Sim reports <c>trace[0][0]</c> and <c>trace[-1][0]</c>; for the OFMAP too, the reference runs
/// show the last row's stamp even when the final flush starts before an earlier drain has ended).
/// </summary>
internal sealed class DramActivity(Action<long, long>? onRows = null)
{
    public long Words { get; private set; }

    public long? Start { get; private set; }

    public long Stop { get; private set; }

    /// <summary>Appends trace rows stamped <paramref name="first"/> .. <paramref name="last"/> carrying <paramref name="words"/> words.</summary>
    public void Add(long words, long first, long last)
    {
        Words += words;
        Start ??= first;
        Stop = last;
        onRows?.Invoke(first, last);
    }
}
