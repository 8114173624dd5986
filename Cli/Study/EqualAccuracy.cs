using System.Collections.Immutable;

namespace QuantSim.Cli.Study;

/// <summary>
/// The study's answer for one target and one variant (form): the staircase of (W, A) points the search found
/// (<see cref="FrontierSearch"/>), the cheapest of them by energy per inference on the trained model, and its
/// energy efficiency relative to the reference variant's cheapest point for the same target.
/// </summary>
public sealed record EqualAccuracyChoice(double TargetPoints, string Variant, ImmutableArray<string> Frontier, StudyRow? Cheapest, double? EfficiencyVsReference)
{
    /// <summary>The cheapest of <paramref name="frontier"/> (ties by label), or null when it is empty.</summary>
    public static StudyRow? CheapestOf(IEnumerable<StudyRow> frontier) => frontier
        .OrderBy(r => r.Model.Priced.EnergyPerInferencePj)
        .ThenBy(r => r.Precision.Label, StringComparer.Ordinal)
        .FirstOrDefault();
}

/// <summary>
/// LSQ's cheapest point against one scale-plus-offset form's cheapest point for the same target: the
/// accuracy difference (form minus LSQ, mean over seeds, points) and the energy ratio (form over LSQ) at
/// every accounting level, on the trained model's own workload and on the ImageNet-scale one (energy only:
/// no accuracy was measured on it).
/// </summary>
public sealed record EqualAccuracyHeadlineRow(
    double TargetPoints,
    string Form,
    string LsqPrecision,
    string FormPrecision,
    double AccuracyDeltaPoints,
    ImmutableArray<LevelRatio> LevelsModel,
    ImmutableArray<LevelRatio> LevelsLarge);
