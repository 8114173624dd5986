using System.Collections.Immutable;

namespace QuantSim.Datapaths.Numerics;

/// <summary>
/// A concrete uniform quantizer: q = clamp(round(x / s) + z, qmin, qmax), x̂ = s·(q − z).
/// <para>
/// Rounding is <see cref="Rounding.Nearest"/> (ties toward +∞), the rule of the integer output stages and
/// of TorchSharp fake quantization (<c>floor(x + 0.5)</c>), so a value quantized here, in a fake-quantized
/// network and by a kernel's requantizer gets the same code. This is the only place with floating point;
/// the integer kernels never see a float.
/// </para>
/// </summary>
public sealed class QuantizationScheme
{
    internal QuantizationScheme(QuantizerSpec spec, ImmutableArray<double> scales, ImmutableArray<int> zeroPoints)
    {
        int expected = spec.Granularity == Granularity.PerTensor ? 1 : scales.Length;
        if (scales.Length == 0 || scales.Length != expected || zeroPoints.Length != scales.Length)
        {
            throw new ArgumentException($"a {spec.Granularity} quantizer needs {(expected == 1 ? "exactly one" : "one per channel")} scale and as many zero points; got {scales.Length} scales and {zeroPoints.Length} zero points");
        }

        foreach (double s in scales)
        {
            if (!double.IsFinite(s) || s <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(scales), s, "scales must be finite and positive");
            }

            if (spec.ScaleKind == ScaleKind.PowerOfTwo && !IsPowerOfTwo(s))
            {
                throw new ArgumentOutOfRangeException(nameof(scales), s, "a power-of-two quantizer needs scales of the form 2^-f");
            }
        }

        foreach (int z in zeroPoints)
        {
            if (!spec.HasZeroPoint && z != 0)
            {
                throw new ArgumentOutOfRangeException(nameof(zeroPoints), z, "a symmetric quantizer has zero point 0");
            }

            if (z < spec.QMin || z > spec.QMax)
            {
                throw new ArgumentOutOfRangeException(nameof(zeroPoints), z, $"zero point must be a code in [{spec.QMin}, {spec.QMax}]");
            }
        }

        Spec = spec;
        Scales = scales;
        ZeroPoints = zeroPoints;
    }

    public QuantizerSpec Spec { get; }

    public ImmutableArray<double> Scales { get; }

    public ImmutableArray<int> ZeroPoints { get; }

    public int QMin => Spec.QMin;

    public int QMax => Spec.QMax;

    public double Scale(int channel = 0) => Scales[Index(channel)];

    public int ZeroPoint(int channel = 0) => ZeroPoints[Index(channel)];

    /// <summary>Fractional bits f of a power-of-two scale 2^−f.</summary>
    public int FractionalBits(int channel = 0) =>
        Spec.ScaleKind == ScaleKind.PowerOfTwo
            ? -Math.ILogB(Scale(channel))
            : throw new InvalidOperationException("only power-of-two quantizers have a fractional length");

    /// <summary>The integer code of <paramref name="x"/> (pure; NaN maps to the zero point).</summary>
    public int Quantize(double x, int channel = 0)
    {
        int z = ZeroPoint(channel);
        if (double.IsNaN(x))
        {
            return z;
        }

        double scaled = Rounding.Nearest(x / Scale(channel)) + z;
        return (int)Math.Clamp(scaled, QMin, QMax);
    }

    public double Dequantize(int q, int channel = 0) => Scale(channel) * (q - ZeroPoint(channel));

    /// <summary>Quantize then dequantize: the value a fake-quantized network sees.</summary>
    public double FakeQuantize(double x, int channel = 0) => Dequantize(Quantize(x, channel), channel);

    private int Index(int channel) => Spec.Granularity == Granularity.PerTensor ? 0 : channel;

    private static bool IsPowerOfTwo(double s) => Math.ScaleB(1.0, Math.ILogB(s)) == s;
}
