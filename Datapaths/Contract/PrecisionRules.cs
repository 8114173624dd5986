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
    /// <see cref="IntegerOperands"/> plus an accumulator of at most 32 bits: the int32 requantizer
    /// (saturating rounding doubling high multiply) takes an int32.
    /// </summary>
    public static IEnumerable<DatapathProblem> MultiplierOperands(Precision p, int minBits = 2, int maxBits = 16)
    {
        foreach (var problem in IntegerOperands(p, minBits, maxBits))
        {
            yield return problem;
        }

        if (p.AccumulatorBits > 32)
        {
            yield return new(DatapathProblem.AccumulatorBits, $"accumulator bits must be at most 32 for the int32 requantizer, got {p.AccumulatorBits}");
        }
    }
}
