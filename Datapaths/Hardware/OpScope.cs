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

    /// <summary>
    /// Once per weight of the layer entering the array (K·N per group): e.g. a weight zero point subtracted
    /// at the array's edge. It counts each weight once, which is what a weight-stationary array loads
    /// (each fold streams every GEMM row past its resident weights); a dataflow that streams the same
    /// weight in again for later rows would do this work more often than counted here.
    /// </summary>
    PerWeight,

    /// <summary>Once per GEMM row, shared by all output channels of that output pixel.</summary>
    PerOutputRow,

    /// <summary>Once per output activation (M·N).</summary>
    PerOutput,

    /// <summary>Once per output channel per layer (parameter fetches).</summary>
    PerOutputChannel,

    /// <summary>Once per layer.</summary>
    PerLayer,
}
