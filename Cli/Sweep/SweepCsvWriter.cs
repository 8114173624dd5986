using System.Globalization;
using System.Text;

namespace QuantSim.Cli.Sweep;

/// <summary>
/// sweep.csv: one row per point in point order, one column per axis, the same figures as
/// sweep.json (invariant culture, round-trip numbers).
/// </summary>
public static class SweepCsvWriter
{
    public static string Render(SweepOutcome outcome)
    {
        var axes = outcome.Definition.Axes;
        var text = new StringBuilder();
        var header = new[] { "index", "id", "workload" }
            .Concat(axes.Select(a => a.Path))
            .Concat(["cycles", "stall_cycles", "energy_per_inference_pj", "tops_per_watt", "area_mm2", "tops_per_mm2", "utilization", "pareto"]);
        text.Append(string.Join(",", header.Select(Cell))).Append('\n');
        for (int i = 0; i < outcome.Results.Length; i++)
        {
            var r = outcome.Results[i];
            var cells = new[] { Number(r.Point.Index), r.Point.Id(axes), r.Point.Workload }
                .Concat(r.Point.Values)
                .Concat([
                    Number(r.Cycles), Number(r.StallCycles), Number(r.Priced.EnergyPerInferencePj), Number(r.Priced.TopsPerWatt),
                    Number(r.Priced.AreaMm2), Number(r.Priced.TopsPerMm2), Number(r.Utilization), outcome.Pareto[i] ? "true" : "false",
                ]);
            text.Append(string.Join(",", cells.Select(Cell))).Append('\n');
        }

        return text.ToString();
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>RFC 4180 quoting, only where needed.</summary>
    private static string Cell(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
