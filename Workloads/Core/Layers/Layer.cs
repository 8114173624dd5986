namespace QuantSim.Workloads.Layers;

/// <summary>
/// One layer of a workload: a shape (convolution, fully connected or plain GEMM) plus an optional
/// precision of its own. Layers are immutable; every derived size is computed from the shape.
/// </summary>
/// <remarks>
/// Parameter counting convention (the one PyTorch's <c>sum(p.numel() for p in model.parameters())</c>
/// uses, and hence torchvision's published <c>num_params</c>): weights, plus a bias per output
/// channel when <see cref="HasBias"/>, plus two learned values (scale and shift) per output channel
/// when a normalization follows the layer (<see cref="HasNormalization"/>: batch norm after a
/// convolution, layer norm after a transformer projection). Running statistics are buffers, not
/// parameters. MACs count the multiply-accumulates of the layer's product only: normalization,
/// activation, pooling, residual additions and softmax add none.
/// </remarks>
public abstract record Layer(string Name)
{
    /// <summary>This layer's own precision, or null to use the datapath's configured one.</summary>
    public Precision? Precision { get; init; }

    /// <summary>Multiply-accumulates for one inference (batch 1 unless the shape says otherwise).</summary>
    public abstract long Macs { get; }

    /// <summary>Trainable weights, biases and normalization scale/shift (see the class remarks).</summary>
    public abstract long Parameters { get; }

    /// <summary>Whether the layer adds a bias per output channel (counted in <see cref="Parameters"/>).</summary>
    public bool HasBias { get; init; }

    /// <summary>
    /// Whether a normalization with a learned scale and shift per output channel follows the layer
    /// (batch norm, layer norm). It adds 2 parameters per output channel and no MACs: at inference
    /// it folds into the weights or the requantization step.
    /// </summary>
    public bool HasNormalization { get; init; }

    /// <summary>Channels (features) of one output position: filters, output features or N.</summary>
    public abstract int OutputChannels { get; }

    /// <summary>Bias and normalization parameters, which every shape counts the same way.</summary>
    protected long PerChannelParameters =>
        (HasBias ? (long)OutputChannels : 0) + (HasNormalization ? 2L * OutputChannels : 0);

    /// <summary>Why the shape is impossible, or nothing when it is valid.</summary>
    public abstract IEnumerable<string> Problems();
}
