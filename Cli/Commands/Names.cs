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
}
