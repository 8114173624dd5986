using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Hardware;

/// <summary>How many times each <see cref="OpScope"/> occurs in one layer (from its <see cref="GemmView"/>): what a hardware inventory is multiplied by.</summary>
public sealed record ScopeCounts(long Macs, long RowActivations, long OutputRows, long Outputs, int OutputChannels)
{
    public long Count(OpScope scope) => scope switch
    {
        OpScope.PerMac => Macs,
        OpScope.PerRowActivation => RowActivations,
        OpScope.PerWeight => Weights,
        OpScope.PerOutputRow => OutputRows,
        OpScope.PerOutput => Outputs,
        OpScope.PerOutputChannel => OutputChannels,
        OpScope.PerLayer => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, null),
    };

    /// <summary>
    /// Weights of the layer, K·N per group: K = RowActivations / OutputRows (both carry M·groups), N·groups =
    /// OutputChannels. Derived rather than stored so every existing count keeps its shape.
    /// </summary>
    public long Weights => OutputRows == 0 ? 0 : RowActivations / OutputRows * OutputChannels;

    /// <summary>The counts of the layer's GEMM view (<see cref="GemmView"/>, the simulator's too).</summary>
    public static ScopeCounts Of(Layer layer) => Of(GemmView.Of(layer));

    public static ScopeCounts Of(GemmView gemm) =>
        new(gemm.Macs, gemm.RowActivations, gemm.OutputRows, gemm.Outputs, gemm.OutputChannels);
}
