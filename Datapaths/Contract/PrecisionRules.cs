using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Contract;

/// <summary>Precision checks shared by the variants.</summary>
public static class PrecisionRules
{
    /// <summary>Operands of 2..16 bits into an accumulator wide enough to hold at least one product.</summary>
    public static IEnumerable<DatapathProblem> IntegerOperands(Precision p, int minBits = 2, int maxBits = 16)
    {
        if (p.WeightBits < minBits || p.WeightBits > maxBits)
        {
            yield return new(DatapathProblem.WeightBits, $"weight bits must be between {minBits} and {maxBits}, got {p.WeightBits}");
        }

        if (p.ActivationBits < minBits || p.ActivationBits > maxBits)
        {
            yield return new(DatapathProblem.ActivationBits, $"activation bits must be between {minBits} and {maxBits}, got {p.ActivationBits}");
        }

        if (p.AccumulatorBits < p.WeightBits + p.ActivationBits)
        {
            yield return new(DatapathProblem.AccumulatorBits, $"accumulator bits ({p.AccumulatorBits}) must hold one product of weight x activation bits ({p.WeightBits + p.ActivationBits})");
        }
    }

    /// <summary>
    /// <see cref="IntegerOperands"/> plus an accumulator of at most 64 bits: the requantizer multiplies the
    /// A-bit accumulator by the 32-bit M0 (<see cref="Numerics.FixedPointMultiplier.Apply(long)"/>), exact up to
    /// 64 bits; a 32-bit or narrower accumulator gives TFLite's int32 arithmetic.
    /// </summary>
    public static IEnumerable<DatapathProblem> MultiplierOperands(Precision p, int minBits = 2, int maxBits = 16)
    {
        foreach (var problem in IntegerOperands(p, minBits, maxBits))
        {
            yield return problem;
        }

        if (p.AccumulatorBits > 64)
        {
            yield return new(DatapathProblem.AccumulatorBits, $"accumulator bits must be at most 64 for the A x 32-bit requantizer, got {p.AccumulatorBits}");
        }
    }
}
