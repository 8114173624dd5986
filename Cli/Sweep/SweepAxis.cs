using System.Collections.Immutable;
using QuantSim.Input;

namespace QuantSim.Cli.Sweep;

/// <summary>
/// One <c>--vary PATH=V1,V2,...</c>: a dotted config path as written in the YAML and the values it
/// takes, in the order given (the order is part of the sweep definition and of the point order).
/// </summary>
public sealed record SweepAxis(string Path, ImmutableArray<string> Values)
{
    public const string Option = "--vary";

    /// <summary>The field name in error messages: <c>--vary array.rows</c>.</summary>
    public string Label => $"{Option} {Path}";

    /// <summary>Parses <c>PATH=V1,V2,...</c>; the shape only, the values are checked against the schema later.</summary>
    public static SweepAxis Parse(string text)
    {
        int eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq < 0)
        {
            throw Error(Option, $"'{text}': expected PATH=V1,V2,... (e.g. array.rows=8,16,32)");
        }

        string path = text[..eq].Trim();
        string label = $"{Option} {path}";
        if (path.Length == 0 || path.Split('.').Any(s => s.Length == 0))
        {
            throw Error(Option, $"'{text}': the path before '=' must be a dotted config path (e.g. array.rows)");
        }

        string list = text[(eq + 1)..];
        if (list.Trim().Length == 0)
        {
            throw Error(label, "empty value list; give one or more comma-separated values");
        }

        var values = list.Split(',').Select(v => v.Trim()).ToImmutableArray();
        if (values.Any(v => v.Length == 0))
        {
            throw Error(label, $"'{list}' has an empty value; give comma-separated values without gaps");
        }

        if (values.GroupBy(v => v, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw Error(label, $"value '{twice.Key}' is listed twice");
        }

        return new SweepAxis(path, values);
    }

    /// <summary>Parses every <c>--vary</c>, refusing an axis given twice.</summary>
    public static ImmutableArray<SweepAxis> ParseAll(IEnumerable<string> texts)
    {
        var axes = ImmutableArray.CreateBuilder<SweepAxis>();
        var errors = new List<InputError>();
        foreach (string text in texts)
        {
            try
            {
                var axis = Parse(text);
                if (axes.Any(a => a.Path == axis.Path))
                {
                    errors.Add(new InputError(axis.Label, 0, 0, string.Empty, "duplicate axis; give each path once with all its values"));
                }
                else
                {
                    axes.Add(axis);
                }
            }
            catch (InputException ex)
            {
                errors.AddRange(ex.Errors);
            }
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        if (axes.Count == 0)
        {
            throw Error(Option, "give at least one axis to vary, e.g. --vary array.rows=8,16,32");
        }

        // Multiplied with a ceiling, not checked arithmetic: ten axes of 100 values overflow an int.
        long combinations = 1;
        foreach (var axis in axes)
        {
            combinations = Math.Min(combinations * axis.Values.Length, (long)InputLimits.SweepPoints + 1);
        }

        if (combinations > InputLimits.SweepPoints)
        {
            throw Error(Option, $"the axes make more than {InputLimits.SweepPoints} combinations, the most a sweep may run; split it with fewer values per axis");
        }

        return axes.ToImmutable();
    }

    private static InputException Error(string field, string message) =>
        new(new InputError(field, 0, 0, string.Empty, message));
}
