using TorchSharp;
using static TorchSharp.torch;

namespace QuantSim.Workloads.Torch.Quantization;

/// <summary>
/// The straight-through building blocks of quantization-aware training. Rounding is the datapath
/// plug-ins' rule (<see cref="QuantSim.Datapaths.Numerics.Rounding.Nearest"/>, <c>floor(x + 0.5)</c>)
/// everywhere: fake quantization, calibration and bias. A different tie rule would make TorchSharp and the
/// plug-in kernels disagree on exact ties, which power-of-two scales make common (tested on tie values).
/// </summary>
/// <remarks>
/// Per-step code passes explicit, reachable <see cref="Scalar"/>s instead of C# numbers: TorchSharp turns a
/// number into a temporary Scalar that only its finalizer frees, and the finalizer can run while the native
/// call still reads it (after thousands of QAT steps under BenchmarkDotNet this surfaced as libtorch's
/// "Expected false to be true ... toDouble" check; TorchSharp PR #1434 to dispose them is open).
/// </remarks>
public static class FakeQuant
{
    private static readonly Scalar Half = 0.5.ToScalar();
    private static readonly Scalar One = 1.ToScalar();
    private static readonly Scalar MinusOne = (-1).ToScalar();

    /// <summary>The smallest learned step (keeps 1/s finite).</summary>
    public static Scalar MinimumStep { get; } = 1e-8.ToScalar();

    /// <summary>A one-element tensor's value, whatever its floating-point type.</summary>
    public static double Value(Tensor x)
    {
        using Tensor asDouble = x.to_type(ScalarType.Float64);
        return asDouble.item<double>();
    }

    /// <summary>Rounding.Nearest on every element, no gradient semantics.</summary>
    public static Tensor RoundHalfUp(Tensor x) => x.add(Half).floor_();

    /// <summary>Rounds in the forward pass; passes the gradient through unchanged (straight-through estimator).</summary>
    public static Tensor RoundSte(Tensor x) => Plus(x, Minus(RoundHalfUp(x), x).detach());

    /// <summary>
    /// Straight-through rounding while training; exact rounding in evaluation, where <c>x + (round(x) − x)</c>
    /// could land one float ulp off the integer and the integer path must see the same codes.
    /// </summary>
    public static Tensor Round(Tensor x, bool training) => training ? RoundSte(x) : RoundHalfUp(x);

    /// <summary>
    /// Value <paramref name="x"/>, gradient multiplied by <paramref name="scale"/>: LSQ's step-size gradient
    /// scaling, <c>g = 1/sqrt(N·Q_P)</c> (Esser et al. 2020, Sec. 2.2).
    /// </summary>
    public static Tensor GradScale(Tensor x, double scale)
    {
        using Scalar factor = scale.ToScalar();
        Tensor scaled = x.mul(factor);
        return Plus(Minus(x, scaled).detach(), scaled);
    }

    /// <summary>a + b without TorchSharp's temporary alpha Scalar (see the remarks).</summary>
    public static Tensor Plus(Tensor a, Tensor b) => a.add(b, One);

    /// <summary>a − b (as a + (−1)·b, exact) without TorchSharp's temporary alpha Scalar (see the remarks).</summary>
    public static Tensor Minus(Tensor a, Tensor b) => a.add(b, MinusOne);
}
