using System.Collections.Immutable;

namespace QuantSim.Cli.Study;

/// <summary>What a study compares, and on what.</summary>
public sealed record StudyOptions(string Model, string Dataset, string ConfigFile, string LargeWorkload)
{
    /// <summary>Equal-accuracy targets: within this many points of float (<see cref="EqualAccuracyTarget"/>).</summary>
    public ImmutableArray<double> Targets { get; init; } = [0.1, 0.5, 1, 2];

    /// <summary>First and last layers at 8 bits in the search (else at the body's bits).</summary>
    public bool FirstLastAt8 { get; init; } = true;

    /// <summary>The bits W and A each take in the equal-accuracy search.</summary>
    public const int MinBits = 2, MaxBits = 8;

    /// <summary>
    /// Each layer's accumulator sized to what its dot products need (<see cref="Datapaths.Contract.AccumulatorSizing"/>,
    /// at most the config's width); false keeps the config's width at every point, which dilutes every ratio
    /// with a 32-bit accumulate that low-precision layers do not need.
    /// </summary>
    public bool SizesAccumulators { get; init; } = true;

    /// <summary>
    /// QAT seeds per cell (1..N): every seed fine-tunes from the one float checkpoint, so seeds measure the
    /// fine-tuning's variance (shuffle and calibration images), not the float training's.
    /// </summary>
    public int Seeds { get; init; } = 3;

    public IReadOnlyList<int> QatSeeds => [.. Enumerable.Range(1, Seeds)];

    /// <summary>
    /// The fine-tuning and test budget every measured cell used (what a reduced run traded), as resolved
    /// from the model's recipe and the command line; null without accuracy.
    /// </summary>
    public StudyBudget? Budget { get; init; }

    /// <summary>The study form LSQ is by default: unsigned activation codes, as for ReLU networks.</summary>
    public const string DefaultReference = "lsq";

    /// <summary>
    /// The form every offset form is compared with (headline and equal-accuracy ratios): <c>lsq</c>, or e.g.
    /// <c>lsq/signed</c> on a network whose activations go negative, where an unsigned LSQ is no baseline.
    /// </summary>
    public string Reference { get; init; } = DefaultReference;
}
