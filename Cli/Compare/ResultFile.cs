using System.Text.Json;
using QuantSim.Cli.Reports;
using QuantSim.Input;

namespace QuantSim.Cli.Compare;

/// <summary>The figures of one result.json that regression tracking compares.</summary>
public sealed record ResultFile(string Path, string Workload, IReadOnlyList<(string Layer, IReadOnlyDictionary<string, double> Metrics)> Layers, IReadOnlyDictionary<string, double> Totals)
{
    /// <summary>Metric names, in report order.</summary>
    public static readonly IReadOnlyList<string> Metrics = ["cycles", "stall_cycles", "energy_pj", "area_mm2", "accuracy"];

    public static ResultFile Read(string path)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(new InputError(path, 0, 0, string.Empty, $"cannot read the result file: {ex.Message}"));
        }
        catch (JsonException ex)
        {
            throw new InputException(new InputError(path, (int)(ex.LineNumber ?? -1) + 1, (int)(ex.BytePositionInLine ?? -1) + 1, "(json)", $"not valid JSON: {ex.Message.Split('.')[0]}"));
        }

        using (json)
        {
            var root = json.RootElement;
            string? schema = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("schema", out var s) ? s.GetString() : null;
            if (schema != ResultJsonWriter.Schema)
            {
                throw new InputException(new InputError(path, 0, 0, "schema", $"expected a QuantSim result ({ResultJsonWriter.Schema}), got {(schema is null ? "no schema" : $"'{schema}'")}"));
            }

            try
            {
                var totals = new Dictionary<string, double>
                {
                    ["cycles"] = root.GetProperty("totals").GetProperty("cycles").GetDouble(),
                    ["stall_cycles"] = root.GetProperty("totals").GetProperty("stall_cycles").GetDouble(),
                    ["energy_pj"] = (double)root.GetProperty("energy").GetProperty("total_pj").GetDecimal(),
                    ["area_mm2"] = root.GetProperty(PricedSummaryJson.Property).GetProperty("area_mm2").GetDouble(),
                };
                if (root.TryGetProperty("accuracy", out var accuracy) && accuracy.TryGetProperty("top1", out var top1))
                {
                    totals["accuracy"] = top1.GetDouble();
                }

                var layers = root.GetProperty("layers").EnumerateArray().Select(l => (
                    l.GetProperty("name").GetString() ?? string.Empty,
                    (IReadOnlyDictionary<string, double>)new Dictionary<string, double>
                    {
                        ["cycles"] = l.GetProperty("cycles").GetDouble(),
                        ["stall_cycles"] = l.GetProperty("stall_cycles").GetDouble(),
                        ["energy_pj"] = (double)l.GetProperty("energy_pj").GetProperty("total").GetDecimal(),
                    })).ToList();
                return new ResultFile(path, root.GetProperty("workload").GetProperty("name").GetString() ?? string.Empty, layers, totals);
            }
            catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InputException(new InputError(path, 0, 0, "(result)", $"missing or malformed field: {ex.Message}"));
            }
        }
    }
}
