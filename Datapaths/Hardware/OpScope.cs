namespace QuantSim.Datapaths.Hardware;

/// <summary>
/// How often an operation happens in a layer, in terms of the layer's GEMM view (M rows = output
/// pixels per group, K = dot-product length, N = output channels). <see cref="ScopeCounts"/> turns
/// each scope into a count.
/// </summary>
public enum OpScope
{
    /// <summary>Once per multiply-accumulate (M·K·N per group).</summary>
    PerMac,

    /// <summary>Once per activation entering a GEMM row (M·K per group): e.g. the Σx row-sum adder.</summary>
    PerRowActivation,

    /// <summary>Once per GEMM row, shared by all output channels of that output pixel.</summary>
    PerOutputRow,

    /// <summary>Once per output activation (M·N).</summary>
    PerOutput,

    /// <summary>Once per output channel per layer (parameter fetches).</summary>
    PerOutputChannel,

    /// <summary>Once per layer.</summary>
    PerLayer,
}
