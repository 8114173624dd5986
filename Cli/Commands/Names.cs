using System.Globalization;
using QuantSim.Simulator.Config;

namespace QuantSim.Cli.Commands;

/// <summary>The short names users type, for printing.</summary>
public static class Names
{
    public static string Of(Dataflow dataflow) => dataflow switch
    {
        Dataflow.OutputStationary => "os",
        Dataflow.WeightStationary => "ws",
        Dataflow.InputStationary => "is",
        _ => throw new ArgumentOutOfRangeException(nameof(dataflow), dataflow, null),
    };

    public static string Of(DramConfig dram) => dram switch
    {
        IdealDramConfig => "ideal",
        BandwidthDramConfig b => string.Create(CultureInfo.InvariantCulture, $"simple ({b.BytesPerCycle} B/cycle, {b.LatencyCycles} cycles latency, {b.BurstBytes} B bursts)"),
        TimingDramConfig t => $"timing ({t.Parameters.Name}, {(t.Parameters.PagePolicy == Simulator.Dram.PagePolicy.Open ? "open" : "closed")} page)",
        _ => throw new ArgumentOutOfRangeException(nameof(dram), dram, null),
    };
}
