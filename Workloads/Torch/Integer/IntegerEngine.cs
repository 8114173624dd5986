namespace QuantSim.Workloads.Torch.Integer;

/// <summary>How integer inference runs each layer's MACs.</summary>
public enum IntegerEngine
{
    /// <summary>Vectorized im2col + packed GEMM where proven equal to the kernel, the kernel's loops elsewhere.</summary>
    Fast,

    /// <summary>The plug-in kernel's own loops for every layer (the reference).</summary>
    Kernels,
}
