using QuantSim.Datapaths.Numerics;
using static TorchSharp.torch;

namespace QuantSim.Workloads.Torch.Quantization;

/// <summary>
/// Fixed-point activations: one power-of-two scale, chosen once on the calibration batch (the exponent
/// from <c>ceil(log2(max/Q_P))</c> down by three with the smallest squared error) and then frozen.
/// The exponent is a buffer, so checkpoints carry it.
/// </summary>
public sealed class PowerOfTwoActivationQuantizer : ActivationQuantizer
{
    private readonly Tensor exponent;

    public PowerOfTwoActivationQuantizer(QuantizerSpec spec) : base("pot_activation", spec)
    {
        exponent = zeros(Array.Empty<long>(), dtype: ScalarType.Int32);
        RegisterComponents();
    }

    public override bool PowerOfTwo => true;

    /// <summary>The chosen exponent e (scale 2^e).</summary>
    public int Exponent => (int)exponent.to_type(ScalarType.Float64).item<double>();

    protected override void InitializeFrom(Tensor activations)
    {
        double max = FakeQuant.Value(activations.max());
        int e0 = (int)Math.Ceiling(Math.Log2(Math.Max(max, 1e-12) / QMax));
        int best = e0;
        double bestError = double.PositiveInfinity;
        for (int e = e0; e >= e0 - 3; e--)
        {
            double error = Error(activations, Math.ScaleB(1, e), 0);
            if (error < bestError)
            {
                (best, bestError) = (e, error);
            }
        }

        exponent.fill_(best);
    }

    public override (Tensor Scale, Tensor ZeroPoint) Parameters() =>
        (tensor(Math.ScaleB(1, Exponent), dtype: ScalarType.Float64), tensor(0f));
}
