using System.Text.Json;
using QuantSim.Cli.Reports;
using QuantSim.Input;

namespace QuantSim.Cli.Sweep;

/// <summary>
/// One point's figures as JSON, the same in shard files and in sweep.json, so a merged sweep is
/// rebuilt from exactly the numbers the shards computed (doubles are written in their shortest
/// round-trip form and read back to the same value).
/// </summary>
public static class SweepPointJson
{
    public static void Write(Utf8JsonWriter json, SweepDefinition definition, SweepPointResult r, bool? pareto)
    {
        json.WriteStartObject();
        json.WriteNumber("index", r.Point.Index);
        json.WriteString("id", r.Point.Id(definition.Axes));
        json.WriteString("workload", r.Point.Workload);
        json.WriteStartObject("values");
        for (int a = 0; a < definition.Axes.Length; a++)
        {
            json.WriteString(definition.Axes[a].Path, r.Point.Values[a]);
        }

        json.WriteEndObject();
        json.WriteNumber("cycles", r.Cycles);
        json.WriteNumber("stall_cycles", r.StallCycles);
        json.WriteNumber("utilization", r.Utilization);
        PricedSummaryJson.Write(json, r.Priced);
        if (pareto is { } flag)
        {
            json.WriteBoolean("pareto", flag);
        }

        json.WriteEndObject();
    }

    /// <summary>Reads a point and checks it is the point of that index in <paramref name="definition"/>.</summary>
    public static SweepPointResult Read(JsonElement e, SweepDefinition definition, IReadOnlyList<SweepPoint> points, string file)
    {
        int index = e.GetProperty("index").GetInt32();
        if (index < 0 || index >= points.Count)
        {
            throw new InputException(new InputError(file, 0, 0, "points", $"point index {index} is outside the sweep's {points.Count} points"));
        }

        var point = points[index];
        string? id = e.GetProperty("id").GetString();
        if (id != point.Id(definition.Axes))
        {
            throw new InputException(new InputError(file, 0, 0, "points", $"point {index} is '{id}', but the sweep definition makes it '{point.Id(definition.Axes)}'"));
        }

        return new SweepPointResult(
            point,
            e.GetProperty("cycles").GetInt64(),
            e.GetProperty("stall_cycles").GetInt64(),
            e.GetProperty("utilization").GetDouble(),
            PricedSummaryJson.Read(e));
    }
}
