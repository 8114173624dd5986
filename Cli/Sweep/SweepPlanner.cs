using System.Collections.Immutable;
using System.Globalization;
using QuantSim.Datapaths.Contract;
using QuantSim.Input;
using QuantSim.Simulator.Config;
using QuantSim.Workloads;

namespace QuantSim.Cli.Sweep;

/// <summary>
/// Turns a base config and axes into one validated <see cref="AcceleratorConfig"/> per axis
/// combination, before anything is simulated. Every value is first tried on its own against the
/// base (so a message blames exactly one axis), then every combination is read, because values can
/// be fine alone and impossible together (a 64-wide array with a buffer too small for one row).
/// </summary>
public static class SweepPlanner
{
    private const string UnknownKey = "unknown key";

    public static ImmutableArray<AcceleratorConfig> Plan(string configFile, string baseText, SweepDefinition definition)
    {
        var errors = new List<InputError>();
        foreach (var axis in definition.Axes)
        {
            errors.AddRange(CheckAxis(configFile, baseText, axis));
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        var configs = ImmutableArray.CreateBuilder<AcceleratorConfig>(definition.Combinations);
        for (int c = 0; c < definition.Combinations; c++)
        {
            var values = definition.ValuesOf(c);
            var assignments = definition.Axes.Select((a, i) => (a.Path, values[i])).ToList();
            string label = $"{SweepAxis.Option} {string.Join(" ", assignments.Select(x => $"{x.Path}={x.Item2}"))}";
            var (text, problem) = ConfigYamlEdit.Apply(baseText, assignments);
            try
            {
                configs.Add(AcceleratorConfigReader.Default.Read(configFile, text ?? throw new InvalidOperationException(problem)));
            }
            catch (InputException ex)
            {
                errors.AddRange(ex.Errors.Select(e => new InputError(label, 0, 0, e.Field, $"values invalid together: {e.Message}")));
            }
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        return configs.MoveToImmutable();
    }

    /// <summary>
    /// The workload/datapath precision cross-check the simulator would make, done for every point up
    /// front so an impossible pairing stops the sweep before any point runs.
    /// </summary>
    public static void CheckWorkloads(SweepDefinition definition, IReadOnlyList<AcceleratorConfig> configs, IReadOnlyDictionary<string, Workload> workloads)
    {
        var errors = new List<InputError>();
        foreach (var point in definition.Points())
        {
            var config = configs[point.Combination];
            DatapathRegistry.Default.TryGet(config.Datapath.Kind, out var variant);
            foreach (var problem in WorkloadPrecisionCheck.Check(variant, config.Datapath.Precision, workloads[point.Workload]))
            {
                errors.Add(new InputError($"point {point.Id(definition.Axes)}", 0, 0, $"{problem.Layer}.{problem.Field}", problem.Message));
            }
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }
    }

    private static List<InputError> CheckAxis(string configFile, string baseText, SweepAxis axis)
    {
        var errors = new List<InputError>();
        foreach (string value in axis.Values)
        {
            var (text, problem) = ConfigYamlEdit.Apply(baseText, [(axis.Path, value)]);
            if (problem is not null)
            {
                return [Error(axis, $"unknown field: {problem}")];
            }

            try
            {
                AcceleratorConfigReader.Default.Read(configFile, text!);
            }
            catch (InputException ex)
            {
                if (ex.Errors.FirstOrDefault(e => IsUnknownField(axis, e)) is { } unknown)
                {
                    // The path itself is wrong: one message for the axis, not one per value.
                    string where = unknown.Field == axis.Path ? string.Empty : $" ('{unknown.Field}' is not a key of its section)";
                    string allowed = unknown.Message[UnknownKey.Length..].TrimStart(';', ' ');
                    return [Error(axis, $"unknown field{where}; {allowed}")];
                }

                errors.AddRange(ex.Errors.Select(e => Error(axis, $"value '{value}': {Describe(axis, value, e)}")));
            }
        }

        return errors;
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

        // "must be between 1 and 4096, got 0": the value is already in the message prefix.
        string got = string.Create(CultureInfo.InvariantCulture, $", got {value}");
        return error.Message.EndsWith(got, StringComparison.Ordinal) ? error.Message[..^got.Length] : error.Message;
    }

    private static InputError Error(SweepAxis axis, string message) => new(axis.Label, 0, 0, string.Empty, message);
}
