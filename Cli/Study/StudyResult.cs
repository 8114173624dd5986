using QuantSim.Energy.Model;
using System.Collections.Immutable;
using QuantSim.Simulator.Config;

namespace QuantSim.Cli.Study;

/// <summary>Every row of a study and the answers derived from them.</summary>
public sealed record StudyResult(
    StudyOptions Options,
    AcceleratorConfig Config,
    ImmutableArray<StudyRow> Rows,
    ImmutableArray<(string Variant, string Precision, string Reason)> Skipped,
    ImmutableArray<EqualAccuracyChoice> EqualAccuracy,
    ImmutableArray<HeadlineRow> Headline)
{
    /// <summary>Every cell the equal-accuracy search evaluated (hardware and accuracy), in evaluation order.</summary>
    public ImmutableArray<StudyRow> Searched { get; init; } = [];

    /// <summary>For each target, LSQ's cheapest point against each scale-plus-offset form's.</summary>
    public ImmutableArray<EqualAccuracyHeadlineRow> EqualAccuracyHeadline { get; init; } = [];

    /// <summary>Each float baseline form against the reference at each of its grid precisions (empty without a float form).</summary>
    public ImmutableArray<FloatBaselineRow> FloatBaseline { get; init; } = [];

    /// <summary>The headline comparisons under every documented cost alternative (<c>--sensitivity</c>); null without.</summary>
    public SensitivityResult? Sensitivity { get; init; }
}

/// <summary>
/// LSQ against a scale-offset form at one precision: accuracy difference (points, mean over the seeds of
/// scale-offset minus LSQ) with the paired t-test's p across seeds (null with one seed) and McNemar's p
/// per seed (same test images, same seed), how many times more energy efficient LSQ is (whole system on
/// the trained model and on the large network), the same ratio on the large network at every accounting
/// level, and the energy component whose growth explains most of the difference on the large network.
/// </summary>
public sealed record HeadlineRow(
    string Precision,
    string Form,
    double? AccuracyDeltaPoints,
    double? PairedTPValue,
    ImmutableArray<double> McNemarPerSeed,
    double EfficiencyRatioModel,
    double EfficiencyRatioLarge,
    ImmutableArray<LevelRatio> LevelsLarge,
    string LargestIncrease,
    decimal LargestIncreasePj,
    double LargestIncreaseShareOfDelta);

/// <summary>
/// A float baseline form (e.g. <c>float/fp16</c> at w16a16) against the reference at one of its precisions: float
/// energy over reference energy at every accounting level, on the trained model and on the large network.
/// </summary>
public sealed record FloatBaselineRow(
    string Form,
    string FormPrecision,
    string ReferencePrecision,
    ImmutableArray<LevelRatio> LevelsModel,
    ImmutableArray<LevelRatio> LevelsLarge);

/// <summary>
/// Scale-offset energy over LSQ energy at one accounting level (= how many times more energy efficient
/// LSQ is there, both doing the same MACs), and the component counted at that level that grew the most.
/// </summary>
public sealed record LevelRatio(AccountingLevel Level, double EnergyRatio, string LargestIncrease, decimal LargestIncreasePj);
