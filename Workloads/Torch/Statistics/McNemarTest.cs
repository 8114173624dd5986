using MathNet.Numerics.Distributions;

namespace QuantSim.Workloads.Torch.Statistics;

/// <summary>
/// McNemar's paired test of two classifiers on the same images. Only the discordant images count:
/// <see cref="OnlyFirstCorrect"/> (b) and <see cref="OnlySecondCorrect"/> (c). Under "equally accurate",
/// b ~ Binomial(b + c, ½); <see cref="PValue"/> is the exact two-sided binomial p-value
/// <c>min(1, 2·P[X ≤ min(b, c)])</c>; <see cref="ChiSquarePValue"/> is the classic continuity-corrected
/// statistic <c>(|b − c| − 1)² / (b + c)</c> against χ²(1), given for comparison with the literature.
/// </summary>
public sealed record McNemarTest(int OnlyFirstCorrect, int OnlySecondCorrect, double PValue, double ChiSquarePValue)
{
    /// <summary>Whether the difference is distinguishable from noise at the 5 % level.</summary>
    public bool Significant => PValue < 0.05;

    public static McNemarTest Compare(IReadOnlyList<int> first, IReadOnlyList<int> second, IReadOnlyList<byte> labels)
    {
        if (first.Count != labels.Count || second.Count != labels.Count)
        {
            throw new ArgumentException("both classifiers must predict every labelled image");
        }

        int b = 0, c = 0;
        for (int i = 0; i < labels.Count; i++)
        {
            bool firstRight = first[i] == labels[i], secondRight = second[i] == labels[i];
            b += firstRight && !secondRight ? 1 : 0;
            c += secondRight && !firstRight ? 1 : 0;
        }

        return FromCounts(b, c);
    }

    /// <summary>From per-image correctness of the two classifiers (same images, same order).</summary>
    public static McNemarTest Compare(IReadOnlyList<bool> firstCorrect, IReadOnlyList<bool> secondCorrect)
    {
        if (firstCorrect.Count != secondCorrect.Count)
        {
            throw new ArgumentException("both classifiers must be scored on the same images");
        }

        int b = 0, c = 0;
        for (int i = 0; i < firstCorrect.Count; i++)
        {
            b += firstCorrect[i] && !secondCorrect[i] ? 1 : 0;
            c += secondCorrect[i] && !firstCorrect[i] ? 1 : 0;
        }

        return FromCounts(b, c);
    }

    public static McNemarTest FromCounts(int b, int c)
    {
        int n = b + c;
        if (n == 0)
        {
            return new McNemarTest(0, 0, 1, 1);
        }

        double exact = Math.Min(1, 2 * Binomial.CDF(0.5, n, Math.Min(b, c)));
        double statistic = Math.Pow(Math.Max(Math.Abs(b - c) - 1, 0), 2) / n;
        double chi = 1 - ChiSquared.CDF(1, statistic);
        return new McNemarTest(b, c, exact, chi);
    }
}
