using System.Collections.Immutable;
using QuantSim.Input;

namespace QuantSim.Cli.Sweep;

/// <summary>What the Pareto front minimizes; every objective is "lower is better".</summary>
public enum SweepObjective
{
    /// <summary>Energy per inference in pJ.</summary>
    Energy,

    /// <summary>Total cycles for one inference (latency).</summary>
    Cycles,

    /// <summary>Accelerator area in mm^2.</summary>
    Area,
}

/// <summary>Names of <see cref="SweepObjective"/> on the command line and in sweep files.</summary>
public static class SweepObjectives
{
    public const string Option = "--objectives";

    public static ImmutableArray<SweepObjective> Default { get; } = [SweepObjective.Energy, SweepObjective.Cycles];

    private static readonly (string Name, SweepObjective Objective)[] All =
    [
        ("energy", SweepObjective.Energy),
        ("cycles", SweepObjective.Cycles),
        ("area", SweepObjective.Area),
    ];

    public static string NameOf(SweepObjective objective) => All.Single(a => a.Objective == objective).Name;

    /// <summary>Parses <c>energy,cycles[,area]</c>: at least two objectives, none twice.</summary>
    public static ImmutableArray<SweepObjective> Parse(string text)
    {
        var names = text.Split(',').Select(n => n.Trim()).ToList();
        var objectives = ImmutableArray.CreateBuilder<SweepObjective>();
        foreach (string name in names)
        {
            var match = All.FirstOrDefault(a => a.Name == name);
            if (match.Name is null)
            {
                throw Error($"unknown objective '{name}'; allowed: {string.Join(", ", All.Select(a => a.Name))}");
            }

            if (objectives.Contains(match.Objective))
            {
                throw Error($"objective '{name}' is listed twice");
            }

            objectives.Add(match.Objective);
        }

        if (objectives.Count < 2)
        {
            throw Error("give at least two objectives (a front of one objective is just its minimum)");
        }

        return objectives.ToImmutable();
    }

    private static InputException Error(string message) => new(new InputError(Option, 0, 0, string.Empty, message));
}
