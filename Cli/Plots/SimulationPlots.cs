using QuantSim.Energy.Pricing;
using QuantSim.Simulator.Engine;
using ScottPlot;

namespace QuantSim.Cli.Plots;

/// <summary>
/// PNG figures of one simulation: where the energy goes (one bar per component) and, per layer,
/// compute versus stall cycles with utilization. Rendered to bytes so the caller decides where
/// they are written (all-or-nothing with the other result files).
/// </summary>
public static class SimulationPlots
{
    private const int Width = 1200;
    private const int Height = 600;

    public static byte[] EnergyBreakdown(PricedSimulation costed)
    {
        var components = costed.Energy.Components;
        var plot = new Plot();
        double[] microjoules = components.Select(c => (double)c.Pj / 1e6).ToArray();
        var bars = plot.Add.Bars(microjoules);
        bars.Color = Colors.SteelBlue;
        bars.Horizontal = true;
        plot.Axes.Left.SetTicks(
            Enumerable.Range(0, components.Count).Select(i => (double)i).ToArray(),
            components.Select(c => c.Component.Name).ToArray());
        plot.Axes.Margins(left: 0);
        plot.XLabel("energy per inference (uJ)");
        plot.Title($"{costed.Simulation.Workload.Name} on {costed.Simulation.Config.Name}: energy by component");
        return PngFigure.Encode(plot, Width, Height);
    }

    public static byte[] LayerCycles(SimulationResult result)
    {
        var layers = result.Layers;
        var plot = new Plot();
        var bars = new List<Bar>();
        for (int i = 0; i < layers.Length; i++)
        {
            bars.Add(new Bar { Position = i, ValueBase = 0, Value = layers[i].ComputeCycles, FillColor = Colors.SteelBlue });
            bars.Add(new Bar { Position = i, ValueBase = layers[i].ComputeCycles, Value = layers[i].TotalCycles, FillColor = Colors.OrangeRed });
        }

        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(
            Enumerable.Range(0, layers.Length).Select(i => (double)i).ToArray(),
            layers.Select(l => l.Name).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = 90;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 160;
        plot.YLabel("cycles (blue: compute, red: stall)");

        var utilization = plot.Add.Scatter(
            Enumerable.Range(0, layers.Length).Select(i => (double)i).ToArray(),
            layers.Select(l => l.Utilization * 100).ToArray());
        utilization.Axes.YAxis = plot.Axes.Right;
        utilization.LegendText = "utilization %";
        plot.Axes.Right.Label.Text = "utilization (%)";
        plot.Axes.SetLimitsY(0, 100, plot.Axes.Right);
        plot.Title($"{result.Workload.Name} on {result.Config.Name}: cycles and utilization per layer");
        return PngFigure.Encode(plot, Width, Height);
    }
}
