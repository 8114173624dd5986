using System.Globalization;
using QuantSim.Simulator.Engine;
using Spectre.Console;

namespace QuantSim.Cli.Reports;

/// <summary>The console summary of a simulation: one row per layer and a totals row.</summary>
public static class SummaryTable
{
    public static void Write(IAnsiConsole console, SimulationResult result)
    {
        var c = result.Config;
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Workload.Name} on {c.Name}: {c.Array.Rows}x{c.Array.Cols} {Commands.Names.Of(c.Array.Dataflow)}, {c.ClockMhz} MHz, {c.Datapath.Label} {c.Datapath.Precision.Name}, DRAM {Commands.Names.Of(c.Dram)}"));
        var table = new Table().AddColumns("layer", "cycles", "compute", "stall", "util %", "DRAM read B", "DRAM write B");
        foreach (var column in table.Columns.Skip(1))
        {
            column.RightAligned();
        }

        foreach (var l in result.Layers)
        {
            table.AddRow(Markup.Escape(l.Name), N(l.TotalCycles), N(l.ComputeCycles), N(l.StallCycles),
                Percent(l.Utilization), N(l.Dram.BytesRequestedRead), N(l.Dram.BytesRequestedWritten));
        }

        table.AddRow("[bold]total[/]", N(result.TotalCycles), N(result.ComputeCycles), N(result.StallCycles),
            Percent(result.Utilization), N(result.Dram.BytesRequestedRead), N(result.Dram.BytesRequestedWritten));
        console.Write(table);
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Percent(double fraction) => (fraction * 100).ToString("0.00", CultureInfo.InvariantCulture);
}
