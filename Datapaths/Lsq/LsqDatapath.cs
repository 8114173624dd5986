using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Numerics;

namespace QuantSim.Datapaths.Lsq;

/// <summary>
/// Per-tensor learned step size (LSQ, Esser et al. ICLR 2020): signed symmetric weights
/// [−2^(b−1), 2^(b−1)−1], unsigned activations [0, 2^b−1] (or signed, <see cref="ActivationSignOption"/>),
/// one arbitrary real scale each. The rescale
/// s_in·s_w/s_out becomes one int32 multiplier and shift per layer (TFLite QuantizeMultiplier), applied
/// with one rounding (multiply, add half, arithmetic shift), then clamped.
/// </summary>
public sealed class LsqDatapath() : LearnedScaleDatapath(Granularity.PerTensor)
{
    public override string Name => "lsq";

    public override string Summary => "per-tensor learned scale; requantize by int32 multiplier + rounding shift";

    protected override string Form => "per-tensor multiplier";

    /// <summary>
    /// Unsigned and signed activations: on a network whose activations go negative the signed form is the
    /// LSQ baseline an offset has to beat (Bhalgat et al. 2020 compare all four sign/offset combinations).
    /// </summary>
    public override IReadOnlyList<DatapathForm> StudyForms { get; } =
    [
        DatapathForm.Of("lsq"),
        DatapathForm.Of("lsq/signed", (ActivationSignOption.Key, ActivationSignOption.Signed)),
    ];
}
