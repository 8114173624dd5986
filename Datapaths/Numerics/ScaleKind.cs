namespace QuantSim.Datapaths.Numerics;

/// <summary>What values a quantizer's scale may take, which decides the requantization hardware.</summary>
public enum ScaleKind
{
    /// <summary>Scale 2^−f (fixed point with f fractional bits): rescaling is a shift.</summary>
    PowerOfTwo,

    /// <summary>Any positive real (a learned step size): rescaling needs an integer multiplier.</summary>
    Real,
}
