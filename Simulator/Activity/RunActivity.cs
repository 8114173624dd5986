namespace QuantSim.Simulator.Activity;

/// <summary>
/// The activity of a whole run: its layers in execution order, the clock they ran at and how many
/// inferences (batch size) the run covers, so energy per inference can be reported.
/// </summary>
public sealed record RunActivity
{
    public RunActivity(IReadOnlyList<LayerActivity> layers, double clockMhz, int inferences = 1)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (!double.IsFinite(clockMhz) || clockMhz <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(clockMhz), clockMhz, "The clock must be a positive frequency in MHz.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(inferences, 1);
        Layers = layers;
        ClockMhz = clockMhz;
        Inferences = inferences;
    }

    public IReadOnlyList<LayerActivity> Layers { get; }

    public double ClockMhz { get; }

    public int Inferences { get; }

    public long Cycles => Layers.Sum(l => l.Cycles);

    public long Macs => Layers.Sum(l => l.Macs);
}
