using QuantSim.Datapaths.Numerics;
using static TorchSharp.torch;

namespace QuantSim.Workloads.Torch.Quantization;

/// <summary>
/// Fake-quantizes one layer's input activations to the codes of the datapath plug-in's activation
/// <see cref="FakeQuantizer.Spec"/> (bits, signedness) with one scale and an integer zero point z:
/// <c>q = clamp(round(x/s) + z, qmin, qmax)</c>, <c>x̂ = s·(q − z)</c>, rounding by the plug-in's rule
/// (<see cref="Rounding"/>). z is 0 unless the spec has a zero point (the scale-offset variant).
/// </summary>
public abstract class ActivationQuantizer : FakeQuantizer
{
    protected ActivationQuantizer(string name, QuantizerSpec spec) : base(name, spec)
    {
    }

    /// <summary>Activations per image at this point (LSQ's N for the step's gradient scale).</summary>
    protected long FeaturesPerImage { get; private set; } = 1;

    /// <summary>Sets data-dependent initial state from a calibration batch of float activations.</summary>
    public void Initialize(Tensor activations)
    {
        FeaturesPerImage = activations.numel() / activations.shape[0];
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        InitializeFrom(activations.detach());
    }

    protected abstract void InitializeFrom(Tensor activations);

    /// <summary>The scale (a scalar tensor) and the zero point (an integer-valued scalar tensor).</summary>
    public abstract (Tensor Scale, Tensor ZeroPoint) Parameters();

    public override Tensor forward(Tensor x)
    {
        var (scale, zero) = Parameters();
        Tensor q = FakeQuant.Plus(FakeQuant.Round(x / scale, training), zero).clamp(CodeMin, CodeMax);
        return FakeQuant.Minus(q, zero) * scale;
    }

    /// <summary>The scale and zero point the hardware uses.</summary>
    public (double Scale, int ZeroPoint) Export()
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var (scale, zero) = Parameters();
        return (scale.to_type(ScalarType.Float64).item<double>(), (int)FakeQuant.Value(zero));
    }

    protected double StepGradScale => 1.0 / Math.Sqrt(FeaturesPerImage * (double)QMax);

    /// <summary>Fake-quantization squared error of <paramref name="x"/> at scale s and zero point z, for init searches.</summary>
    protected double Error(Tensor x, double s, double z)
    {
        // Its own scope: a search calls it a hundred times per layer on a calibration batch (256 ResNet-20
        // images of 16 x 28 x 28 are 12.8 MB a temporary), and the caller's scope would keep every call's
        // temporaries alive until the layer's search ends (about 9 GB, which killed the process).
        using var scope = NewDisposeScope();
        using Tensor q = (FakeQuant.RoundHalfUp(x / s) + z).clamp(QMin, QMax);
        using Tensor e = ((q - z) * s - x).square().sum();
        return FakeQuant.Value(e);
    }
}
