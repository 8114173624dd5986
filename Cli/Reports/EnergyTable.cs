using System.Globalization;
using QuantSim.Energy.Model;
using QuantSim.Energy.Pricing;
using Spectre.Console;

namespace QuantSim.Cli.Reports;

/// <summary>The console energy breakdown: each component's share, the energy at each accounting level, then the figures of merit.</summary>
public static class EnergyTable
{
    public static void Write(IAnsiConsole console, PricedSimulation costed)
    {
        var e = costed.Energy;
        var table = new Table().AddColumns("component", "energy (uJ)", "share %");
        table.Columns[1].RightAligned();
        table.Columns[2].RightAligned();
        foreach (var component in e.Components)
        {
            table.AddRow(
                Markup.Escape(component.Component.Name),
                Micro(component.Pj),
                e.TotalPj == 0 ? "0.00" : (component.Pj / e.TotalPj * 100).ToString("0.00", CultureInfo.InvariantCulture));
        }

        table.AddRow("[bold]total[/]", Micro(e.TotalPj), "100.00");
        console.Write(table);
        console.WriteLine("energy by accounting level (uJ, each including the ones before): " + string.Join(", ",
            e.Levels.Select(l => $"{l.Level.Name()} {Micro(l.Pj)}")));
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"energy per inference {Micro(e.PerInferencePj)} uJ, {e.TopsPerWatt:0.000} TOPS/W (1 MAC = 2 ops), {costed.InferencesPerJoule:0.0} inferences/J, EDP {e.EnergyDelayProductJs:0.000E+0} J*s"));
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"area {costed.Area.TotalMm2:0.000} mm2 (logic {costed.Area.LogicUm2 * 1e-6:0.000}, SRAM {costed.Area.SramUm2 * 1e-6:0.000}), peak {costed.PeakTops:0.000} TOPS, {costed.TopsPerMm2:0.000} TOPS/mm2; cost table {e.CostTable}, DRAM {e.DramOption}"));
    }

    private static string Micro(decimal pj) => (pj / 1_000_000m).ToString("0.000", CultureInfo.InvariantCulture);
}
