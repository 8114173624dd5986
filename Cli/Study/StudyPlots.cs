using QuantSim.Cli.Plots;
using QuantSim.Energy.Model;
using ScottPlot;

namespace QuantSim.Cli.Study;

/// <summary>The study's figures as PNG bytes.</summary>
public static class StudyPlots
{
    private const int Width = 1200;
    private const int Height = 700;

    private static readonly Color[] Palette =
    [
        Colors.SteelBlue, Colors.OrangeRed, Colors.SeaGreen, Colors.Purple, Colors.DarkOrange, Colors.DeepPink,
    ];

    /// <summary>
    /// Accuracy against energy per inference of the trained model, one colour per variant; the
    /// Pareto front (no other point both cheaper and more accurate) is drawn as a line. Without
    /// accuracies, cycles take the place of accuracy (and lower is better).
    /// </summary>
    public static byte[] Pareto(StudyResult s)
    {
        // The float baseline is priced, not trained: it has no accuracy to plot, only cycles.
        var trained = s.Rows.Where(r => r.Variant.Fixed is null).ToList();
        bool accuracy = trained.All(r => r.Accuracy is not null);
        var rows = accuracy ? trained : [.. s.Rows];
        double Y(StudyRow r) => accuracy ? r.Accuracy!.Mean * 100 : r.Model.Cycles;
        var plot = new Plot();
        int color = 0;
        foreach (var group in rows.GroupBy(r => r.Variant.Label))
        {
            var points = group.ToList();
            var scatter = plot.Add.ScatterPoints(
                points.Select(r => (double)r.Model.Priced.EnergyPerInferencePj / 1e6).ToArray(),
                points.Select(Y).ToArray());
            scatter.LegendText = group.Key;
            scatter.Color = Palette[color++ % Palette.Length];
            scatter.MarkerSize = 9;
        }

        var front = ParetoFront(rows, Y, higherIsBetter: accuracy);
        var line = plot.Add.ScatterLine(front.Select(r => (double)r.Model.Priced.EnergyPerInferencePj / 1e6).ToArray(), front.Select(Y).ToArray());
        line.LegendText = "Pareto front";
        line.Color = Colors.Black;
        line.LinePattern = LinePattern.Dashed;
        plot.XLabel($"energy per inference of {s.Options.Model} (uJ)");
        plot.YLabel(accuracy ? $"top-1 accuracy on {s.Options.Dataset} (%, integer inference, mean over seeds)" : "cycles");
        plot.Title($"{s.Options.Model} on {s.Config.Name}: accuracy vs energy");
        plot.ShowLegend(Alignment.LowerRight);
        return PngFigure.Encode(plot, Width, Height);
    }

    /// <summary>Energy per inference of the ImageNet-scale network at w8a8 (the float baseline at its own precision), stacked by component, one bar per variant.</summary>
    public static byte[] Breakdown(StudyResult s, string precision = "w8a8")
    {
        // The float baseline's bars stand beside the quantized ones at its own precision.
        var rows = s.Rows.Where(r => r.Precision.Label == precision || r.Variant.Fixed is not null).ToList();
        var components = rows.SelectMany(r => r.Large.Components.Select(c => c.Component)).Distinct().Order().ToList();
        var plot = new Plot();
        var bars = new List<Bar>();
        for (int i = 0; i < rows.Count; i++)
        {
            double bottom = 0;
            for (int c = 0; c < components.Count; c++)
            {
                double uj = (double)rows[i].Large.Components.Where(x => x.Component == components[c]).Sum(x => x.Pj) / 1e6;
                bars.Add(new Bar { Position = i, ValueBase = bottom, Value = bottom + uj, FillColor = Palette[c % Palette.Length].WithAlpha(c / Palette.Length == 0 ? 1.0 : 0.55) });
                bottom += uj;
            }
        }

        plot.Add.Bars(bars);
        for (int c = 0; c < components.Count; c++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = components[c].Name, FillColor = Palette[c % Palette.Length].WithAlpha(c / Palette.Length == 0 ? 1.0 : 0.55) });
        }

        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, rows.Count).Select(i => (double)i).ToArray(), rows.Select(r => r.Variant.Label).ToArray());
        // Fifteen form labels side by side overlap: slant them.
        plot.Axes.Bottom.TickLabelStyle.Rotation = 40;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 150;
        plot.YLabel($"energy per inference of {s.Options.LargeWorkload} (uJ)");
        plot.Title($"{s.Options.LargeWorkload} at {precision}{(rows.Any(r => r.Variant.Fixed is not null) ? " (float forms at their own widths)" : string.Empty)} on {s.Config.Name}: energy by component per variant");
        plot.ShowLegend(Edge.Right);
        return PngFigure.Encode(plot, Width, Height);
    }

    /// <summary>
    /// Energy per inference of the trained model against the accuracy drop from float (points, mean over the
    /// seeds) of every cell the equal-accuracy search evaluated, one colour per variant; each target is a
    /// dashed vertical line (a cell meets it when its drop plus one std is left of the line). Without accuracy
    /// the plot says so.
    /// </summary>
    public static byte[] EqualAccuracy(StudyResult s)
    {
        var plot = new Plot();
        int color = 0;
        foreach (var group in s.Searched.Where(r => r.Accuracy is not null).GroupBy(r => r.Variant.Label))
        {
            var points = group.ToList();
            var scatter = plot.Add.ScatterPoints(
                points.Select(r => (r.Accuracy!.FloatTop1 - r.Accuracy.Mean) * 100).ToArray(),
                points.Select(r => (double)r.Model.Priced.EnergyPerInferencePj / 1e6).ToArray());
            scatter.LegendText = group.Key;
            scatter.Color = Palette[color % Palette.Length];
            scatter.MarkerShape = color / Palette.Length == 0 ? MarkerShape.FilledCircle : MarkerShape.OpenSquare;
            scatter.MarkerSize = 8;
            color++;
        }

        foreach (double target in s.Options.Targets)
        {
            var line = plot.Add.VerticalLine(target);
            line.LinePattern = LinePattern.Dashed;
            line.Color = Colors.Gray;
            line.Text = target.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " pt";
        }

        if (s.Searched.IsEmpty)
        {
            plot.Title($"{s.Options.Model}: no accuracy measured, no equal-accuracy search");
        }
        else
        {
            plot.Title($"{s.Options.Model} on {s.Config.Name}: every searched (W, A) cell, targets dashed");
            plot.ShowLegend(Alignment.UpperRight);
        }

        plot.XLabel("accuracy drop from float (points, mean over seeds)");
        plot.YLabel($"energy per inference of {s.Options.Model} (uJ)");
        return PngFigure.Encode(plot, Width, Height);
    }

    /// <summary>Points not dominated by any other (cheaper or equal energy and better or equal Y, one strictly), by energy.</summary>
    public static IReadOnlyList<StudyRow> ParetoFront(IReadOnlyList<StudyRow> rows, Func<StudyRow, double> y, bool higherIsBetter)
    {
        double Better(StudyRow r) => higherIsBetter ? y(r) : -y(r);
        return rows
            .Where(r => !rows.Any(o => o.Model.Priced.EnergyPerInferencePj <= r.Model.Priced.EnergyPerInferencePj && Better(o) >= Better(r)
                                       && (o.Model.Priced.EnergyPerInferencePj < r.Model.Priced.EnergyPerInferencePj || Better(o) > Better(r))))
            .OrderBy(r => r.Model.Priced.EnergyPerInferencePj)
            .ToList();
    }

    /// <summary>
    /// Form / LSQ energy at each accounting level on the ImageNet-scale network, one line per scale-offset form
    /// at <paramref name="precision"/>; with a sensitivity run each point carries the lowest..highest ratio the
    /// cost alternatives give, as an error bar.
    /// </summary>
    public static byte[] RatioPerLevel(StudyResult s, string precision = "w8a8")
    {
        var plot = new Plot();
        var levels = AccountingLevels.All;
        double[] xs = [.. Enumerable.Range(0, levels.Count).Select(i => (double)i)];
        var ranges = s.Sensitivity?.Ranges(p => p.LevelsLarge).Where(r => r.Baseline.TargetPoints is null && r.Baseline.LsqPoint == precision).ToDictionary(r => r.Baseline.Form, r => r.Levels);
        int color = 0;
        foreach (var h in s.Headline.Where(h => h.Precision == precision))
        {
            double[] ys = [.. h.LevelsLarge.Select(l => l.EnergyRatio)];
            var line = plot.Add.Scatter(xs, ys);
            line.LegendText = h.Form;
            line.Color = Palette[color % Palette.Length];
            line.MarkerSize = 8;
            if (ranges is not null && ranges.TryGetValue(h.Form, out var range))
            {
                // Offset a little per form so the ranges of forms with equal ratios stay visible side by side.
                for (int i = 0; i < range.Length; i++)
                {
                    double x = xs[i] + 0.04 * (color - 2);
                    var bar = plot.Add.Line(x, range[i].Low, x, range[i].High);
                    bar.Color = line.Color;
                    bar.LineWidth = 3;
                }
            }

            color++;
        }

        plot.Axes.Bottom.SetTicks(xs, [.. levels.Select(l => l.Name())]);
        plot.XLabel("accounting level (each adds hardware to the one before)");
        plot.YLabel($"energy of the form / energy of {s.Options.Reference} ({s.Options.LargeWorkload}, {precision})");
        plot.Title(s.Sensitivity is null ? $"Scale-offset forms against {s.Options.Reference} at every accounting level" : $"Scale-offset forms against {s.Options.Reference} at every accounting level (bars: range over the cost alternatives)");
        plot.ShowLegend(Alignment.UpperRight);
        return PngFigure.Encode(plot, Width, Height);
    }
}
