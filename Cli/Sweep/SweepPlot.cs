using System.Globalization;
using QuantSim.Cli.Plots;
using ScottPlot;

namespace QuantSim.Cli.Sweep;

/// <summary>
/// sweep.png: energy per inference against cycles, one colour per workload, the Pareto-optimal
/// points drawn larger and joined. Both axes are logarithmic because workloads differ by orders of
/// magnitude and array sizes move cycles by factors, not offsets.
/// </summary>
public static class SweepPlot
{
    public const int Width = 1000;
    public const int Height = 700;

    public static byte[] RenderPng(SweepOutcome outcome)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var workloads = outcome.Definition.Workloads;
        for (int w = 0; w < workloads.Length; w++)
        {
            var color = palette.GetColor(w);
            var members = outcome.Results.Select((r, i) => (Result: r, Pareto: outcome.Pareto[i]))
                .Where(x => x.Result.Point.Workload == workloads[w])
                .ToList();

            var all = plot.Add.ScatterPoints(
                members.Select(m => Math.Log10(m.Result.Cycles)).ToArray(),
                members.Select(m => Math.Log10((double)m.Result.Priced.EnergyPerInferencePj)).ToArray());
            all.Color = color.WithAlpha(0.45);
            all.MarkerSize = 6;
            all.LegendText = $"{workloads[w]}: all points ({members.Count})";

            var front = members.Where(m => m.Pareto).OrderBy(m => m.Result.Cycles).ThenBy(m => m.Result.Priced.EnergyPerInferencePj).ToList();
            var line = plot.Add.Scatter(
                front.Select(m => Math.Log10(m.Result.Cycles)).ToArray(),
                front.Select(m => Math.Log10((double)m.Result.Priced.EnergyPerInferencePj)).ToArray());
            line.Color = color;
            line.MarkerSize = 11;
            line.LineWidth = 2;
            line.LegendText = $"{workloads[w]}: Pareto-optimal ({front.Count})";
        }

        plot.Title($"quantsim sweep of {outcome.Definition.Config}: {outcome.Results.Length} points; Pareto front minimizes {string.Join(", ", outcome.Definition.Objectives.Select(SweepObjectives.NameOf))}");
        plot.XLabel("cycles per inference (log scale)");
        plot.YLabel("energy per inference, pJ (log scale)");
        plot.Axes.Bottom.TickGenerator = LogTicks();
        plot.Axes.Left.TickGenerator = LogTicks();
        plot.ShowLegend(Edge.Bottom);
        return PngFigure.Encode(plot, Width, Height);
    }

    /// <summary>Ticks placed on log10 values but labelled with the values themselves.</summary>
    private static ScottPlot.TickGenerators.NumericAutomatic LogTicks() => new()
    {
        LabelFormatter = log => Label(Math.Pow(10, log)),
    };

    /// <summary>Three significant digits with an SI prefix (15.8k, 2.24M): log ticks fall between round numbers.</summary>
    private static string Label(double value)
    {
        string[] prefixes = ["", "k", "M", "G", "T", "P"];
        int step = 0;
        while (Math.Abs(value) >= 1000 && step < prefixes.Length - 1)
        {
            value /= 1000;
            step++;
        }

        return value.ToString("G3", CultureInfo.InvariantCulture) + prefixes[step];
    }
}
