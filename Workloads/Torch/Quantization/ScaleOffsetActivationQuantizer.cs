using QuantSim.Datapaths.Numerics;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace QuantSim.Workloads.Torch.Quantization;

/// <summary>
/// LSQ+ activations: a learned scale s and a learned offset β, <c>x̂ = s·clamp(round((x−β)/s)) + β</c>.
/// The hardware needs an integer zero point, so β enters as <c>z = round(−β/s)</c> (straight-through),
/// i.e. <c>β = −z·s</c>. Both gradients are scaled as LSQ's step. Initialization follows LSQ+'s
/// MSE rule: β = min(x) on the calibration batch, s = the grid value (1 % .. 100 % of (max−min)/Q_P)
/// with the smallest squared quantization error.
/// </summary>
public sealed class ScaleOffsetActivationQuantizer : ActivationQuantizer
{
    private readonly Parameter _step;
    private readonly Parameter _offset;

    public ScaleOffsetActivationQuantizer(QuantizerSpec spec) : base("lsqplus_activation", spec)
    {
        _step = new Parameter(ones(Array.Empty<long>()));
        _offset = new Parameter(zeros(Array.Empty<long>()));
        RegisterComponents();
    }

    public override bool PowerOfTwo => false;

    protected override void InitializeFrom(Tensor activations)
    {
        double min = FakeQuant.Value(activations.min());
        double max = FakeQuant.Value(activations.max());
        double range = Math.Max(max - min, 1e-8) / QMax;
        double bestStep = range, bestError = double.PositiveInfinity;
        for (int percent = 1; percent <= 100; percent++)
        {
            double s = range * percent / 100.0;
            double error = Error(activations, s, Math.Clamp(Math.Floor(-min / s + 0.5), 0, QMax));
            if (error < bestError)
            {
                (bestStep, bestError) = (s, error);
            }
        }

        _step.copy_(tensor((float)bestStep));
        _offset.copy_(tensor((float)min));
    }

    public override (Tensor Scale, Tensor ZeroPoint) Parameters()
    {
        Tensor scale = FakeQuant.GradScale(_step, StepGradScale).clamp_min(FakeQuant.MinimumStep);
        Tensor offset = FakeQuant.GradScale(_offset, StepGradScale);
        Tensor zero = FakeQuant.Round(-offset / scale, training).clamp(CodeMin, CodeMax);
        return (scale, zero);
    }
}
