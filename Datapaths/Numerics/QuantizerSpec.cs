namespace QuantSim.Datapaths.Numerics;

/// <summary>
/// The shape of a quantizer before its scales are known: bits, signedness, granularity, scale kind and
/// whether it has a zero point. A variant states one spec for weights and one for activations; a
/// trainer (e.g. the TorchSharp fake-quantizer) learns the scales and calls <see cref="WithScales"/>
/// to get the concrete <see cref="QuantizationScheme"/> that the integer kernels then use.
/// </summary>
public sealed record QuantizerSpec(int Bits, bool Signed, Granularity Granularity, ScaleKind ScaleKind, bool HasZeroPoint)
{
    /// <summary>Smallest integer code: −2^(b−1) when signed, else 0.</summary>
    public int QMin => Signed ? (int)-(1L << (Bits - 1)) : 0;

    /// <summary>Largest integer code: 2^(b−1)−1 when signed, else 2^b−1.</summary>
    public int QMax => (int)(Signed ? (1L << (Bits - 1)) - 1 : (1L << Bits) - 1);

    /// <summary>The concrete scheme with these scales (one, or one per channel) and zero points (0 if none).</summary>
    public QuantizationScheme WithScales(IReadOnlyList<double> scales, IReadOnlyList<int>? zeroPoints = null) =>
        new(this, [.. scales], zeroPoints is null ? [.. Enumerable.Repeat(0, scales.Count)] : [.. zeroPoints]);

    /// <summary>A per-tensor scheme with one scale and zero point.</summary>
    public QuantizationScheme WithScale(double scale, int zeroPoint = 0) => WithScales([scale], [zeroPoint]);

    /// <summary>A power-of-two scheme with <paramref name="fractionalBits"/> fractional bits: scale 2^−f.</summary>
    public QuantizationScheme WithFractionalBits(int fractionalBits) => WithScale(Math.ScaleB(1.0, -fractionalBits));

    public override string ToString() =>
        ScaleKind == ScaleKind.FloatPattern
            ? $"{Bits}-bit float patterns"
            : $"{(Signed ? "int" : "uint")}{Bits} {(Granularity == Granularity.PerChannel ? "per-channel" : "per-tensor")} " +
              $"{(ScaleKind == ScaleKind.PowerOfTwo ? "2^-f" : "real")} scale{(HasZeroPoint ? " + zero point" : string.Empty)}";
}
