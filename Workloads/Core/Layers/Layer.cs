namespace QuantSim.Workloads.Layers;

/// <summary>
/// One layer of a workload: a shape (convolution, fully connected or plain GEMM) plus an optional
/// precision of its own. Layers are immutable; every derived size is computed from the shape.
/// </summary>
public abstract record Layer(string Name)
{
    /// <summary>This layer's own precision, or null to use the datapath's configured one.</summary>
    public Precision? Precision { get; init; }

    /// <summary>Multiply-accumulates for one inference (batch 1 unless the shape says otherwise).</summary>
    public abstract long Macs { get; }

    /// <summary>Trainable weights (and biases when <see cref="HasBias"/>).</summary>
    public abstract long Parameters { get; }

    /// <summary>Whether the layer adds a bias per output channel (counted in <see cref="Parameters"/>).</summary>
    public bool HasBias { get; init; }

    /// <summary>Why the shape is impossible, or nothing when it is valid.</summary>
    public abstract IEnumerable<string> Problems();
}
