namespace QuantSim.Cli.Study;

/// <summary>What a study compares, and on what.</summary>
public sealed record StudyOptions(string Model, string Dataset, string ConfigFile, string LargeWorkload, double MarginPoints)
{
    /// <summary>
    /// Each layer's accumulator sized to what its dot products need (<see cref="Datapaths.Contract.AccumulatorSizing"/>,
    /// at most the config's width); false keeps the config's width at every point, which dilutes every ratio
    /// with a 32-bit accumulate that low-precision layers do not need.
    /// </summary>
    public bool SizesAccumulators { get; init; } = true;

    /// <summary>The variant every other is compared with at equal accuracy.</summary>
    public const string Reference = "lsq";
}
