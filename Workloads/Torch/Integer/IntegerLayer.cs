using QuantSim.Workloads.Torch.Models;
using QuantSim.Workloads.Torch.Quantization;

namespace QuantSim.Workloads.Torch.Integer;

/// <summary>
/// One weight layer as the integer datapath runs it. Input codes are unsigned with zero point
/// <see cref="InputZeroPoint"/>; weights are signed codes, row-major like the TorchSharp tensor
/// ([C_out, C_in, k, k] or [out, in]); the bias is int32 at scale <c>s_in·s_w[c]</c>:
/// <c>acc[c] = bias[c] + Σ w·(x − z_in)</c>. A hidden layer then requantizes
/// <c>q = clamp(z_out + max(M[c]·acc, 0), 0, 2^b_out − 1)</c> (the max is the ReLU) and max-pools;
/// the last layer leaves the accumulators, and the class is <c>argmax acc[c]·LogitScale[c]</c>.
/// </summary>
public sealed record IntegerLayer(
    LayerSpec Spec,
    int InputSide,
    int InputZeroPoint,
    int[] Weights,
    int[] Bias,
    FixedPointMultiplier[]? Multipliers,
    int OutputZeroPoint,
    int OutputMax,
    double[] LogitScale)
{
    /// <summary>Bits of this layer's weights and input activations.</summary>
    public LayerBits Bits { get; init; } = new(8, 8);

    /// <summary>Scale of the input codes, s_in.</summary>
    public double InputScale { get; init; }

    /// <summary>Weight scale per output channel, s_w[c] (per-tensor variants repeat one value).</summary>
    public double[] WeightScales { get; init; } = [];

    /// <summary>Scale of the output codes, s_out (the next layer's s_in; 0 for the last layer).</summary>
    public double OutputScale { get; init; }

    /// <summary>Whether this is the classifier layer (no requantization; logits stay int32).</summary>
    public bool IsLast => Multipliers is null;
}
