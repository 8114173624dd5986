using QuantSim.Datapaths.Numerics;

namespace QuantSim.Datapaths.ScaleOffset;

/// <summary>
/// The edge unit of the <c>float-at-edge</c> form: a code q with zero point z becomes the floating-point value
/// <code>
/// d(q) = round_F(s_F · (q − z))          s_F = round_F(s), the scale register in format F
/// </code>
/// q − z (at most 9 bits) converts to F exactly, and the product of two F values is exact in a double, so
/// this is the one rounding of an F multiplier.
/// </summary>
public sealed record FloatDequantizer(FloatFormat Format, int ZeroPoint, long Scale)
{
    public static FloatDequantizer Of(FloatFormat format, double scale, int zeroPoint)
    {
        if (!double.IsFinite(scale) || scale <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "a scale must be finite and positive");
        }

        return new(format, zeroPoint, format.Round(scale));
    }

    /// <summary>d(q) as an F bit pattern.</summary>
    public int Apply(int code) => (int)Format.Round(Format.ToDouble(Scale) * (code - ZeroPoint));
}
