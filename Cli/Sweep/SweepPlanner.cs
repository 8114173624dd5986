using System.Collections.Immutable;
using System.Globalization;
using QuantSim.Datapaths.Contract;
using QuantSim.Energy.Costs;
using QuantSim.Energy.Pricing;
using QuantSim.Input;
using QuantSim.Simulator.Config;
using QuantSim.Workloads;

namespace QuantSim.Cli.Sweep;

/// <summary>
/// Turns a base config and axes into one validated <see cref="AcceleratorConfig"/> per axis
/// combination, before anything is simulated. Every combination goes through the strict reader,
/// because axes depend on each other (a datapath option exists only for some kinds; a buffer must
/// hold one row of the array). Each problem is then blamed as narrowly as the evidence allows: a
/// path unknown in every combination is an unknown field; a problem that appears exactly in the
/// combinations holding one axis value is that value's; anything else names the whole combination.
/// </summary>
public static class SweepPlanner
{
    private const string UnknownKey = "unknown key";

    public static ImmutableArray<SweepConfig> Plan(AcceleratorConfigReader reader, string configFile, string baseText, SweepDefinition definition)
    {
        var pathProblems = definition.Axes
            .Select(a => (Axis: a, ConfigYamlEdit.Apply(baseText, [(a.Path, a.Values[0])]).Problem))
            .Where(x => x.Problem is not null)
            .Select(x => Error(x.Axis, $"unknown field: {x.Problem}"))
            .ToList();
        if (pathProblems.Count > 0)
        {
            throw new InputException(pathProblems);
        }

        var configs = ImmutableArray.CreateBuilder<SweepConfig>(definition.Combinations);
        var failures = new List<(int Combination, InputError Error)>();
        // Loaded tables by the technology.cost_table value: every combination is read against the same config file, so
        // equal values name the same table. A table that fails to load is not kept: each combination reports it.
        var tables = new Dictionary<string, CostTable>(StringComparer.Ordinal);
        for (int c = 0; c < definition.Combinations; c++)
        {
            var values = definition.ValuesOf(c);
            var (text, _) = ConfigYamlEdit.Apply(baseText, definition.Axes.Select((a, i) => (a.Path, values[i])));
            try
            {
                var config = reader.Read(configFile, text!);
                if (!tables.TryGetValue(config.Technology.CostTable, out var table))
                {
                    table = AcceleratorCosts.Table(config);
                    tables[config.Technology.CostTable] = table;
                }

                configs.Add(new SweepConfig(config, PricingCheck.Check(config, table)));
            }
            catch (InputException ex)
            {
                failures.AddRange(ex.Errors.Select(e => (c, e)));
            }
        }

        if (failures.Count > 0)
        {
            throw new InputException(Blame(definition, failures));
        }

        return configs.MoveToImmutable();
    }

    /// <summary>
    /// The workload/datapath precision cross-check the simulator would make, done for every point up
    /// front so an impossible pairing stops the sweep before any point runs.
    /// </summary>
    public static void CheckWorkloads(SweepDefinition definition, IReadOnlyList<SweepConfig> configs, IReadOnlyDictionary<string, Workload> workloads)
    {
        var errors = new List<InputError>();
        foreach (var point in definition.Points())
        {
            var (config, table) = configs[point.Combination];
            var workload = workloads[point.Workload];
            var problems = WorkloadPrecisionCheck.Check(config.Datapath, workload);
            foreach (var problem in problems)
            {
                errors.Add(new InputError($"point {point.Id(definition.Axes)}", 0, 0, $"{problem.Layer}.{problem.Field}", problem.Message));
            }

            if (problems.Count == 0)
            {
                try
                {
                    PricingCheck.Check(config, workload, table);
                }
                catch (InputException ex)
                {
                    errors.AddRange(ex.Errors.Select(e => e with { Message = $"point {point.Id(definition.Axes)}: {e.Message}" }));
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }
    }

    private static List<InputError> Blame(SweepDefinition definition, List<(int Combination, InputError Error)> failures)
    {
        var axes = definition.Axes;
        int all = definition.Combinations;
        var combinationValues = Enumerable.Range(0, all).Select(definition.ValuesOf).ToArray();

        // Where each distinct problem (field + message; locations differ only by the edit) occurs.
        var occurrences = failures
            .GroupBy(f => (f.Error.Field, f.Error.Message))
            .ToDictionary(g => g.Key, g => g.Select(f => f.Combination).ToHashSet());
        var blamed = new List<((int Axis, int Value, int Combination) Order, InputError Error)>();
        foreach (var (combination, error) in failures)
        {
            var where = occurrences[(error.Field, error.Message)];
            var values = combinationValues[combination];
            int unknownAxis = Enumerable.Range(0, axes.Length).FirstOrDefault(a => IsUnknownField(axes[a], error), -1);
            if (unknownAxis >= 0 && where.Count == all)
            {
                var axis = axes[unknownAxis];
                string field = error.Field == axis.Path ? string.Empty : $" ('{error.Field}' is not a key of its section)";
                blamed.Add(((unknownAxis, -1, 0), Error(axis, $"unknown field{field}; {error.Message[UnknownKey.Length..].TrimStart(';', ' ')}")));
                continue;
            }

            int culprit = Culprit(axes, combinationValues, values, where, error.Field);
            if (culprit >= 0)
            {
                var axis = axes[culprit];
                string value = values[culprit];
                blamed.Add(((culprit, axis.Values.IndexOf(value), 0), Error(axis, $"value '{value}': {Describe(axis, value, error)}")));
            }
            else
            {
                string label = $"{SweepAxis.Option} {string.Join(" ", axes.Select((a, i) => $"{a.Path}={values[i]}"))}";
                blamed.Add(((axes.Length, 0, combination), new InputError(label, 0, 0, error.Field, $"values invalid together: {error.Message}")));
            }
        }

        return blamed.OrderBy(b => b.Order).Select(b => b.Error).Distinct().ToList();
    }

    /// <summary>
    /// The axis whose value in this combination explains the problem: it occurs in exactly the
    /// combinations holding that value. Prefers the axis the problem's field names; -1 for none.
    /// </summary>
    private static int Culprit(
        ImmutableArray<SweepAxis> axes, ImmutableArray<string>[] combinationValues, ImmutableArray<string> values, HashSet<int> where, string field)
    {
        var candidates = Enumerable.Range(0, axes.Length)
            .Where(a => where.SetEquals(Enumerable.Range(0, combinationValues.Length).Where(c => combinationValues[c][a] == values[a])))
            .ToList();
        return candidates.Count == 0 ? -1 : candidates.FirstOrDefault(a => axes[a].Path == field, candidates[0]);
    }

    private static bool IsUnknownField(SweepAxis axis, InputError error) =>
        error.Message.StartsWith(UnknownKey, StringComparison.Ordinal)
        && (error.Field == axis.Path || axis.Path.StartsWith(error.Field + ".", StringComparison.Ordinal));

    /// <summary>The reader's message; the field is named only when it is not the axis itself.</summary>
    private static string Describe(SweepAxis axis, string value, InputError error)
    {
        if (error.Field != axis.Path)
        {
            return $"{error.Field}: {error.Message}";
        }

        // "must be between 1 and 4096, got 0": the value is already named in front.
        string got = string.Create(CultureInfo.InvariantCulture, $", got {value}");
        return error.Message.EndsWith(got, StringComparison.Ordinal) ? error.Message[..^got.Length] : error.Message;
    }

    private static InputError Error(SweepAxis axis, string message) => new(axis.Label, 0, 0, string.Empty, message);
}
