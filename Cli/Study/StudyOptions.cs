namespace QuantSim.Cli.Study;

/// <summary>What a study compares, and on what.</summary>
public sealed record StudyOptions(string Model, string Dataset, string ConfigFile, string LargeWorkload, double MarginPoints)
{
    /// <summary>The variant every other is compared with at equal accuracy.</summary>
    public const string Reference = "lsq";
}
