using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Layers;

namespace QuantSim.Workloads.Torch.Integer.Fast;

/// <summary>
/// A layer's <see cref="IntegerKernel"/> run as im2col + a vectorized GEMM and the kernel's own output
/// stage, bit for bit what <see cref="LayerRunner"/> computes: the integer form (<see cref="FastLayer"/>) or
/// the floating-point form (<see cref="FloatFastLayer"/>).
/// </summary>
public interface IFastLayer
{
    IntegerKernel Kernel { get; }

    /// <summary>Output codes [oh][ow][f] (conv, input [h][w][c]) or [out] (fully connected, input [in]) of one image.</summary>
    int[] Run(int[] input, FastLayer.Scratch scratch);

    /// <summary>
    /// The fast form of <paramref name="kernel"/> for a convolution (<paramref name="conv"/>) or a fully
    /// connected layer (null), or null when neither form can prove it computes the kernel's integers.
    /// </summary>
    static IFastLayer? Create(IntegerKernel kernel, ConvLayer? conv) =>
        (IFastLayer?)FastLayer.Create(kernel, conv) ?? FloatFastLayer.Create(kernel, conv);
}
