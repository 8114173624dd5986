using QuantSim.Datapaths.Numerics;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace QuantSim.Workloads.Torch.Quantization;

/// <summary>How a learned weight step is initialized.</summary>
public enum WeightStepInit
{
    /// <summary>LSQ: <c>s = 2·mean|w| / sqrt(Q_P)</c> (Esser et al. 2020, Sec. 2.1).</summary>
    Lsq,

    /// <summary>LSQ+: <c>s = max(|μ−3σ|, |μ+3σ|) / 2^(b−1)</c> (Bhalgat et al. 2020, Sec. 3.3).</summary>
    ThreeSigma,
}

/// <summary>
/// A learned weight step (LSQ), per tensor or per output channel, whose gradient is scaled by
/// <c>1/sqrt(N·Q_P)</c> with N the number of weights sharing the step.
/// </summary>
public sealed class LearnedWeightQuantizer : WeightQuantizer
{
    private readonly Parameter _step;
    private readonly bool _perChannel;
    private readonly WeightStepInit _init;

    public LearnedWeightQuantizer(QuantizerSpec spec, int outputChannels, WeightStepInit init)
        : base("lsq_weight", spec)
    {
        _perChannel = spec.Granularity == Granularity.PerChannel;
        _init = init;
        _step = new Parameter(ones(_perChannel ? outputChannels : 1));
        RegisterComponents();
    }

    public override bool PowerOfTwo => false;

    public override void Initialize(Tensor weight)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        Tensor w = _perChannel ? weight.reshape(weight.shape[0], -1) : weight.reshape(1, -1);
        Tensor step = _init switch
        {
            WeightStepInit.Lsq => 2 * w.abs().mean(new long[] { 1 }) / Math.Sqrt(Math.Max(QMax, 1)),
            _ => ThreeSigma(w),
        };
        _step.copy_(step.clamp_min(1e-8));
    }

    private Tensor ThreeSigma(Tensor w)
    {
        Tensor mean = w.mean(new long[] { 1 });
        Tensor std = w.std(1, unbiased: false);
        return maximum((mean - 3 * std).abs(), (mean + 3 * std).abs()) / (1 << (Bits - 1));
    }

    public override Tensor Scale(Tensor weight)
    {
        long perStep = _perChannel ? weight.numel() / weight.shape[0] : weight.numel();
        double gradScale = 1.0 / Math.Sqrt(perStep * Math.Max(QMax, 1));
        Tensor step = FakeQuant.GradScale(_step, gradScale).clamp_min(FakeQuant.MinimumStep);
        return step.expand(weight.shape[0]);
    }
}
