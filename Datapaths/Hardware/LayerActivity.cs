using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Hardware;

/// <summary>How many times each <see cref="OpScope"/> occurs in one layer.</summary>
public sealed record LayerActivity(long Macs, long RowActivations, long OutputRows, long Outputs, int OutputChannels)
{
    public long Count(OpScope scope) => scope switch
    {
        OpScope.PerMac => Macs,
        OpScope.PerRowActivation => RowActivations,
        OpScope.PerOutputRow => OutputRows,
        OpScope.PerOutput => Outputs,
        OpScope.PerOutputChannel => OutputChannels,
        OpScope.PerLayer => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, null),
    };

    /// <summary>The counts of the layer's GEMM view (<see cref="GemmView"/>, the simulator's too).</summary>
    public static LayerActivity Of(Layer layer) => Of(GemmView.Of(layer));

    public static LayerActivity Of(GemmView gemm) =>
        new(gemm.Macs, gemm.RowActivations, gemm.OutputRows, gemm.Outputs, gemm.OutputChannels);
}
