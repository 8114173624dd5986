using System.Globalization;
using System.Text;
using QuantSim.Workloads.Torch.Statistics;

namespace QuantSim.Workloads.Torch.Accuracy;

/// <summary>
/// Renders results as the Markdown table of the accuracy study: one row per variant, one column per
/// precision, each cell the integer datapath's top-1 with its 95 % interval, the agreement with
/// fake quantization and McNemar's p against the float network.
/// </summary>
public static class AccuracyTable
{
    public static string ToMarkdown(IReadOnlyList<AccuracyResult> results)
    {
        var text = new StringBuilder();
        foreach (var group in results.GroupBy(r => (r.Model, r.Dataset)).OrderBy(g => g.Key.Model, StringComparer.Ordinal))
        {
            Top1Accuracy baseline = group.First().Float;
            text.Append(CultureInfo.InvariantCulture,
                $"**{group.Key.Model} on {group.Key.Dataset}** — float top-1 {Percent(baseline.Value)} % (95 % CI {Percent(baseline.Lower95)}–{Percent(baseline.Upper95)}, n = {baseline.Total})\n\n");
            string[] precisions = group.Select(r => Column(r)).Distinct().OrderBy(Order).ToArray();
            text.Append("| variant | ").Append(string.Join(" | ", precisions)).Append(" |\n|---|").Append(string.Concat(precisions.Select(_ => "---|"))).Append('\n');
            foreach (var row in group.GroupBy(r => r.Variant).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                text.Append("| ").Append(row.Key).Append(" |");
                foreach (string column in precisions)
                {
                    AccuracyResult? cell = row.FirstOrDefault(r => Column(r) == column);
                    text.Append(' ').Append(cell is null ? "–" : Cell(cell)).Append(" |");
                }

                text.Append('\n');
            }

            text.Append('\n');
        }

        text.Append("Cell: integer-datapath top-1 % [95 % Wilson CI] · agreement with TorchSharp fake quantization % · McNemar p vs float.\n");
        return text.ToString();
    }

    private static string Column(AccuracyResult r) => r.PostTrainingOnly ? r.Precision + " PTQ" : r.Precision;

    /// <summary>Widest first (w8a8 before w4a4), then named per-layer configurations.</summary>
    private static string Order(string column) =>
        System.Text.RegularExpressions.Regex.Match(column, "^w([0-9]+)a") is { Success: true } m
            ? (100 - int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToString("D3", CultureInfo.InvariantCulture) + column
            : "999" + column;

    private static string Cell(AccuracyResult r) => string.Create(CultureInfo.InvariantCulture,
        $"{Percent(r.Integer.Value)} [{Percent(r.Integer.Lower95)}, {Percent(r.Integer.Upper95)}] · {r.Agreement * 100:F2} · p={r.IntegerVersusFloat.PValue:G2}");

    private static string Percent(double value) => (value * 100).ToString("F2", CultureInfo.InvariantCulture);
}
