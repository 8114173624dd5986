namespace QuantSim.Datapaths.Numerics;

/// <summary>What values a quantizer's scale may take, which decides the requantization hardware.</summary>
public enum ScaleKind
{
    /// <summary>Scale 2^−f (fixed point with f fractional bits): rescaling is a shift.</summary>
    PowerOfTwo,

    /// <summary>Any positive real (a learned step size): rescaling needs an integer multiplier.</summary>
    Real,

    /// <summary>
    /// No scale: the codes are the IEEE bit patterns of a floating-point format (the <c>float</c> baseline),
    /// sign-extended from the format's width to an int. Nothing is quantized, so nothing is trained.
    /// </summary>
    FloatPattern,
}
