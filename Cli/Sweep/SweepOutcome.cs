using System.Collections.Immutable;

namespace QuantSim.Cli.Sweep;

/// <summary>
/// A complete sweep: every point's result in point order, with Pareto flags computed per workload
/// (designs for different networks do not compete) over the definition's objectives.
/// </summary>
public sealed record SweepOutcome(SweepDefinition Definition, ImmutableArray<SweepPointResult> Results, ImmutableArray<bool> Pareto)
{
    public static SweepOutcome Of(SweepDefinition definition, IReadOnlyList<SweepPointResult> results)
    {
        var ordered = results.OrderBy(r => r.Point.Index).ToImmutableArray();
        if (ordered.Length != definition.PointCount || ordered.Where((r, i) => r.Point.Index != i).Any())
        {
            throw new ArgumentException("A sweep outcome needs exactly one result per point.", nameof(results));
        }

        var pareto = new bool[ordered.Length];
        foreach (var group in ordered.GroupBy(r => r.Point.Workload, StringComparer.Ordinal))
        {
            var members = group.ToList();
            bool[] marks = ParetoFront.Mark(members.Select(r => definition.Objectives.Select(r.Objective).ToArray()).ToList());
            for (int i = 0; i < members.Count; i++)
            {
                pareto[members[i].Point.Index] = marks[i];
            }
        }

        return new SweepOutcome(definition, ordered, [.. pareto]);
    }
}
