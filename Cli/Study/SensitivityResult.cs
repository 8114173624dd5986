using System.Collections.Immutable;
using QuantSim.Energy.Model;

namespace QuantSim.Cli.Study;

/// <summary>
/// The study's comparisons re-priced under every documented cost alternative. <see cref="Alternatives"/>
/// lists each with its description, and why it could not be priced when it could not (null when it was).
/// </summary>
public sealed record SensitivityResult(
    ImmutableArray<(string Name, string Description, string? Refused)> Alternatives,
    ImmutableArray<SensitivityPair> Pairs)
{
    /// <summary>
    /// Each comparison's ratio range at each level (lowest and highest over the baseline and every priced
    /// alternative, with the alternatives that give them), on the workload <paramref name="levels"/> picks.
    /// </summary>
    public IEnumerable<(SensitivityPair Baseline, ImmutableArray<RatioRange> Levels)> Ranges(Func<SensitivityPair, ImmutableArray<LevelRatio>> levels) =>
        Pairs.GroupBy(p => p.Comparison).Select(g =>
        {
            var baseline = g.First(p => p.Alternative == SensitivityRun.Baseline);
            var ranges = levels(baseline).Select((l, i) =>
            {
                var byRatio = g.Select(p => (p.Alternative, levels(p)[i].EnergyRatio)).OrderBy(x => x.EnergyRatio).ThenBy(x => x.Alternative, StringComparer.Ordinal).ToList();
                return new RatioRange(l.Level, l.EnergyRatio, byRatio[0].EnergyRatio, byRatio[^1].EnergyRatio, byRatio[0].Alternative, byRatio[^1].Alternative);
            });
            return (baseline, ranges.ToImmutableArray());
        });
}

/// <summary>A ratio at one level: the baseline's, and the lowest and highest any cost alternative gives (and which).</summary>
public sealed record RatioRange(AccountingLevel Level, double Baseline, double Low, double High, string LowBy, string HighBy)
{
    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture, $"{Baseline:0.000}x ({Low:0.000}..{High:0.000})");
}
