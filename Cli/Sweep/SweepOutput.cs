using System.Globalization;
using QuantSim.Cli.Reports;
using Spectre.Console;

namespace QuantSim.Cli.Sweep;

/// <summary>
/// What a finished sweep leaves behind, the same for <c>sweep</c> and <c>merge</c>: sweep.json,
/// sweep.csv and sweep.png written together (all or nothing), and the Pareto-optimal points on the console.
/// </summary>
public static class SweepOutput
{
    public static readonly string[] FileNames = ["sweep.json", "sweep.csv", "sweep.png"];

    public static void Write(CliConsole console, string outDir, SweepOutcome outcome, CancellationToken cancellation = default)
    {
        var files = new (string Name, byte[] Bytes)[]
        {
            (FileNames[0], System.Text.Encoding.UTF8.GetBytes(SweepJsonWriter.Render(outcome))),
            (FileNames[1], System.Text.Encoding.UTF8.GetBytes(SweepCsvWriter.Render(outcome))),
            (FileNames[2], SweepPlot.RenderPng(outcome)),
        };
        OutputDirectory.Write(outDir, files, cancellation);
        WriteFrontTable(console.Out, outcome);
        console.Output.WriteLine($"wrote {string.Join(", ", FileNames)} to {outDir}");
    }

    private static void WriteFrontTable(IAnsiConsole console, SweepOutcome outcome)
    {
        var axes = outcome.Definition.Axes;
        string objectives = string.Join(", ", outcome.Definition.Objectives.Select(SweepObjectives.NameOf));
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{outcome.Results.Length} points, {outcome.Pareto.Count(p => p)} Pareto-optimal (minimizing {objectives}, per workload):"));
        var table = new Table().AddColumn("workload");
        foreach (var axis in axes)
        {
            table.AddColumn(Markup.Escape(axis.Path));
        }

        table.AddColumns("cycles", "stall", "energy pJ", "TOPS/W", "area mm2", "TOPS/mm2", "util %");
        foreach (var (r, _) in outcome.Results.Zip(outcome.Pareto).Where(x => x.Second))
        {
            table.AddRow([
                Markup.Escape(r.Point.Workload), .. r.Point.Values.Select(Markup.Escape),
                N(r.Cycles), N(r.StallCycles), F((double)r.Priced.EnergyPerInferencePj, "N0"), F(r.Priced.TopsPerWatt, "0.000"),
                F(r.Priced.AreaMm2, "0.000"), F(r.Priced.TopsPerMm2, "0.000"), F(r.Utilization * 100, "0.00"),
            ]);
        }

        console.Write(table);
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
