using System.Globalization;
using System.Text.Json;
using QuantSim.Input;

namespace QuantSim.Cli.Compare;

/// <summary>
/// Typed, located access to a result file's fields, as <see cref="YamlSection"/> is for YAML: each
/// accessor names the JSON path it reads, records a located error for a missing or wrong-typed
/// value and returns null, so one pass reports every bad field.
/// </summary>
internal sealed class ResultFields(string file, JsonPositions positions)
{
    private readonly InputDiagnostics _diagnostics = new(file);

    public void Fail(string path, string message)
    {
        var (line, column) = positions.Of(path);
        _diagnostics.Add(line, column, path.Length == 0 ? "(root)" : path, message);
    }

    public void ThrowIfAny() => _diagnostics.ThrowIfAny();

    public JsonElement? Object(JsonElement? parent, string parentPath, string name) =>
        Get(parent, parentPath, name, JsonValueKind.Object, "an object");

    public JsonElement? Array(JsonElement? parent, string parentPath, string name) =>
        Get(parent, parentPath, name, JsonValueKind.Array, "a list");

    public string? String(JsonElement? parent, string parentPath, string name) =>
        Get(parent, parentPath, name, JsonValueKind.String, "a string")?.GetString();

    /// <summary>A finite number from 0 to <paramref name="max"/>: cycles, energies and areas cannot be negative.</summary>
    public double? Number(JsonElement? parent, string parentPath, string name, double max = double.MaxValue)
    {
        if (Get(parent, parentPath, name, JsonValueKind.Number, "a number") is not { } element)
        {
            return null;
        }

        double value = element.GetDouble();
        if (!double.IsFinite(value) || value < 0 || value > max)
        {
            string range = max == double.MaxValue ? "a finite number, zero or more" : $"between 0 and {max.ToString(CultureInfo.InvariantCulture)}";
            Fail(JsonPositions.Child(parentPath, name), $"must be {range}, got {element.GetRawText()}");
            return null;
        }

        return value;
    }

    public void Put(Dictionary<string, double> metrics, string metric, double? value)
    {
        if (value is { } v)
        {
            metrics[metric] = v;
        }
    }

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => $"the string {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {element.GetRawText()}",
        JsonValueKind.Null => "null",
        _ => element.GetRawText(),
    };

    /// <summary>
    /// The named field of an object with the expected kind; a missing parent (already reported)
    /// yields null silently.
    /// </summary>
    private JsonElement? Get(JsonElement? parent, string parentPath, string name, JsonValueKind kind, string expected)
    {
        if (parent is not { ValueKind: JsonValueKind.Object } node)
        {
            return null;
        }

        string path = JsonPositions.Child(parentPath, name);
        if (!node.TryGetProperty(name, out var value))
        {
            Fail(parentPath, $"required field '{name}' is missing ({path}, {expected})");
            return null;
        }

        if (value.ValueKind != kind)
        {
            Fail(path, $"expected {expected}, got {Describe(value)}");
            return null;
        }

        return value;
    }
}
