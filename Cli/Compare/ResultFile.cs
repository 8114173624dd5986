using System.Text;
using System.Text.Json;
using QuantSim.Cli.Reports;
using QuantSim.Input;

namespace QuantSim.Cli.Compare;

/// <summary>The figures of one result.json that regression tracking compares.</summary>
public sealed record ResultFile(string Path, string Workload, IReadOnlyList<(string Layer, IReadOnlyDictionary<string, double> Metrics)> Layers, IReadOnlyDictionary<string, double> Totals)
{
    /// <summary>
    /// The energy at the inner accounting levels (the system level is <c>energy_pj</c>), as (metric, key in
    /// <c>levels_pj</c>): a change in the datapath shows at full size at its level, diluted in the total.
    /// </summary>
    private static readonly (string Metric, string Key)[] LevelMetrics =
    [
        ("energy_pe_arithmetic_pj", "pe-arithmetic"),
        ("energy_pe_pj", "pe"),
        ("energy_array_datapath_pj", "array-datapath"),
        ("energy_on_chip_pj", "on-chip"),
    ];

    /// <summary>Metric names, in report order.</summary>
    public static readonly IReadOnlyList<string> Metrics =
        ["cycles", "stall_cycles", "energy_pj", .. LevelMetrics.Select(l => l.Metric), "area_mm2", "accuracy"];

    /// <summary>Where a JSON path is in the file, for errors found by comparing two files.</summary>
    public (int Line, int Column) PositionOf(string jsonPath) => Positions?.Of(jsonPath) ?? (0, 0);

    internal JsonPositions? Positions { get; init; }

    /// <summary>
    /// Reads and checks a result file against the part of the result schema that compare uses:
    /// every field present with its type (a number, not a string or a boolean) and range (finite,
    /// not negative; top-1 accuracy a fraction), each error as <c>FILE:LINE:COL: json.path: message</c>.
    /// </summary>
    public static ResultFile Read(string path)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(InputFile.ReadAllText(path, "result file", InputLimits.ResultBytes));
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(utf8);
        }
        catch (JsonException ex)
        {
            throw new InputException(new InputError(path, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1, "(json)", $"not valid JSON: {ex.Message.Split(" Path:")[0].Split(" LineNumber:")[0]}"));
        }

        using (json)
        {
            var positions = JsonPositions.Of(utf8, default);
            var fields = new ResultFields(path, positions);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                fields.Fail(string.Empty, $"expected a JSON object (a QuantSim result, {ResultJsonWriter.Schema}), got {ResultFields.Describe(root)}");
            }

            string? schema = fields.String(root, string.Empty, "schema");
            if (schema is not null && schema != ResultJsonWriter.Schema)
            {
                fields.Fail("schema", $"expected a QuantSim result ({ResultJsonWriter.Schema}), got '{schema}'");
            }

            // A file of some other kind would only add noise about every field it lacks.
            fields.ThrowIfAny();

            var totals = new Dictionary<string, double>();
            var totalsNode = fields.Object(root, string.Empty, "totals");
            fields.Put(totals, "cycles", fields.Number(totalsNode, "totals", "cycles"));
            fields.Put(totals, "stall_cycles", fields.Number(totalsNode, "totals", "stall_cycles"));
            var energy = fields.Object(root, string.Empty, "energy");
            fields.Put(totals, "energy_pj", fields.Number(energy, "energy", "total_pj"));
            var levels = fields.Object(energy, "energy", "levels_pj");
            foreach (var (metric, key) in LevelMetrics)
            {
                fields.Put(totals, metric, fields.Number(levels, "energy.levels_pj", key));
            }

            fields.Put(totals, "area_mm2", fields.Number(fields.Object(root, string.Empty, PricedSummaryJson.Property), PricedSummaryJson.Property, "area_mm2"));
            if (root.TryGetProperty("accuracy", out _))
            {
                fields.Put(totals, "accuracy", fields.Number(fields.Object(root, string.Empty, "accuracy"), "accuracy", "top1", max: 1));
            }

            string? workload = fields.String(fields.Object(root, string.Empty, "workload"), "workload", "name");
            var layers = new List<(string, IReadOnlyDictionary<string, double>)>();
            if (fields.Array(root, string.Empty, "layers") is { } array)
            {
                int i = 0;
                foreach (var element in array.EnumerateArray())
                {
                    string at = JsonPositions.Element("layers", i++);
                    var layer = element.ValueKind == JsonValueKind.Object ? element : (JsonElement?)null;
                    if (layer is null)
                    {
                        fields.Fail(at, $"expected an object (one layer), got {ResultFields.Describe(element)}");
                    }

                    var metrics = new Dictionary<string, double>();
                    string? name = fields.String(layer, at, "name");
                    fields.Put(metrics, "cycles", fields.Number(layer, at, "cycles"));
                    fields.Put(metrics, "stall_cycles", fields.Number(layer, at, "stall_cycles"));
                    fields.Put(metrics, "energy_pj", fields.Number(fields.Object(layer, at, "energy_pj"), JsonPositions.Child(at, "energy_pj"), "total"));
                    var layerLevels = fields.Object(layer, at, "energy_levels_pj");
                    foreach (var (metric, key) in LevelMetrics)
                    {
                        fields.Put(metrics, metric, fields.Number(layerLevels, JsonPositions.Child(at, "energy_levels_pj"), key));
                    }

                    layers.Add((name ?? string.Empty, metrics));
                }
            }

            fields.ThrowIfAny();
            return new ResultFile(path, workload!, layers, totals) { Positions = positions };
        }
    }
}
