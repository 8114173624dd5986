using QuantSim.Datapaths.Numerics;
using static TorchSharp.torch;

namespace QuantSim.Workloads.Torch.Quantization;

/// <summary>
/// Fixed-point weights: one power-of-two scale per tensor, <c>2^e</c>, recomputed from the current
/// weights at every step (nothing learned): among <c>e0 = ceil(log2(max|w|/Q_P))</c> (no clipping),
/// e0-1 and e0-2, the one with the smallest squared quantization error.
/// </summary>
public sealed class PowerOfTwoWeightQuantizer(QuantizerSpec spec) : WeightQuantizer("pot_weight", spec)
{
    public override bool PowerOfTwo => true;

    public override void Initialize(Tensor weight)
    {
    }

    public override Tensor Scale(Tensor weight)
    {
        using var noGrad = no_grad();
        double max = FakeQuant.Value(weight.abs().max());
        int e0 = (int)Math.Ceiling(Math.Log2(Math.Max(max, 1e-12) / Math.Max(QMax, 1)));
        int best = e0;
        double bestError = double.PositiveInfinity;
        for (int e = e0; e >= e0 - 2; e--)
        {
            double s = Math.ScaleB(1, e);
            using Tensor error = ((FakeQuant.RoundHalfUp((weight / s).clamp(QMin, QMax)) * s) - weight).square().sum();
            double value = FakeQuant.Value(error);
            if (value < bestError)
            {
                (best, bestError) = (e, value);
            }
        }

        return full(new long[] { 1 }, Math.ScaleB(1, best), dtype: weight.dtype);
    }
}
