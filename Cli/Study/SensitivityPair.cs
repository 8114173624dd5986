using System.Collections.Immutable;

namespace QuantSim.Cli.Study;

/// <summary>
/// One comparison of the study's headline (LSQ at <see cref="LsqPoint"/> against <see cref="Form"/> at
/// <see cref="FormPoint"/>; at equal precision, or for an equal-accuracy <see cref="TargetPoints"/>) priced
/// under one cost alternative (<c>baseline</c>: the study's own cost model): form energy over LSQ energy at
/// every accounting level, on the trained model and on the large network.
/// </summary>
public sealed record SensitivityPair(
    string Alternative,
    double? TargetPoints,
    string Form,
    string LsqPoint,
    string FormPoint,
    ImmutableArray<LevelRatio> LevelsModel,
    ImmutableArray<LevelRatio> LevelsLarge)
{
    /// <summary>What the comparison is, whatever the cost model (the key its ranges group by).</summary>
    public (double? Target, string Form, string Lsq, string FormPoint) Comparison => (TargetPoints, Form, LsqPoint, FormPoint);
}
