using QuantSim.Datapaths.Numerics;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace QuantSim.Workloads.Torch.Quantization;

/// <summary>
/// LSQ activations: a learned step, initialized to <c>2·mean|x| / sqrt(Q_P)</c> on the calibration batch,
/// gradient scaled by <c>1/sqrt(N·Q_P)</c>; zero point 0 (unsigned, post-ReLU).
/// </summary>
public sealed class LearnedActivationQuantizer : ActivationQuantizer
{
    private readonly Parameter _step;

    public LearnedActivationQuantizer(QuantizerSpec spec) : base("lsq_activation", spec)
    {
        _step = new Parameter(ones(Array.Empty<long>()));
        RegisterComponents();
    }

    public override bool PowerOfTwo => false;

    protected override void InitializeFrom(Tensor activations) =>
        _step.copy_((2 * activations.abs().mean() / Math.Sqrt(QMax)).clamp_min(1e-8));

    public override (Tensor Scale, Tensor ZeroPoint) Parameters() =>
        (FakeQuant.GradScale(_step, StepGradScale).clamp_min(FakeQuant.MinimumStep), zeros(Array.Empty<long>()));
}
