using MathNet.Numerics.Distributions;

namespace QuantSim.Workloads.Torch.Statistics;

/// <summary>
/// Student's paired t-test of two treatments measured on the same units (here: two variants fine-tuned
/// from the same float checkpoint with the same QAT seeds). With differences <c>d_i = second_i − first_i</c>,
/// <c>t = mean(d) / (s_d / sqrt(n))</c> against Student's t with n − 1 degrees of freedom, two-sided.
/// When every difference is equal (<c>s_d = 0</c>) t is undefined: p is 1 if they are all zero (nothing
/// differs) and 0 otherwise (every seed moved by the same nonzero amount).
/// </summary>
public sealed record PairedTTest(int Pairs, double MeanDifference, double T, double PValue)
{
    /// <summary>The test, or null with fewer than two pairs (no degrees of freedom).</summary>
    public static PairedTTest? Compare(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        if (first.Count != second.Count)
        {
            throw new ArgumentException("a paired test needs the same number of measurements on each side");
        }

        if (first.Count < 2)
        {
            return null;
        }

        double[] d = [.. first.Zip(second, (a, b) => b - a)];
        double mean = SampleStatistics.Mean(d);
        double sd = SampleStatistics.StandardDeviation(d)!.Value;
        if (sd == 0)
        {
            return new PairedTTest(d.Length, mean, mean == 0 ? 0 : double.PositiveInfinity * Math.Sign(mean), mean == 0 ? 1 : 0);
        }

        double t = mean / (sd / Math.Sqrt(d.Length));
        double p = 2 * (1 - StudentT.CDF(0, 1, d.Length - 1, Math.Abs(t)));
        return new PairedTTest(d.Length, mean, t, Math.Clamp(p, 0, 1));
    }
}
