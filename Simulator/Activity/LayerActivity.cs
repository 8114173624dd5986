namespace QuantSim.Simulator.Activity;

/// <summary>
/// What one layer made the hardware do: its cycles (for leakage and delay), its MACs (the work
/// that TOPS counts) and every counted action.
/// </summary>
public sealed record LayerActivity
{
    public LayerActivity(string layer, long cycles, long macs, ActivityCounts counts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(layer);
        ArgumentOutOfRangeException.ThrowIfNegative(cycles);
        ArgumentOutOfRangeException.ThrowIfNegative(macs);
        Layer = layer;
        Cycles = cycles;
        Macs = macs;
        Counts = counts;
    }

    public string Layer { get; }

    public long Cycles { get; }

    /// <summary>Useful multiply-accumulates of the layer (one MAC = one multiply plus one add).</summary>
    public long Macs { get; }

    public ActivityCounts Counts { get; }
}
