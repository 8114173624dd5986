namespace QuantSim.Workloads.Torch.Statistics;

/// <summary>Mean and sample standard deviation (n − 1 in the denominator: the seeds are a sample of all seeds).</summary>
public static class SampleStatistics
{
    public static double Mean(IReadOnlyList<double> values) =>
        values.Count == 0 ? throw new ArgumentException("no values") : values.Sum() / values.Count;

    /// <summary>The sample standard deviation, or null for fewer than two values (it is undefined there).</summary>
    public static double? StandardDeviation(IReadOnlyList<double> values)
    {
        if (values.Count < 2)
        {
            return null;
        }

        double mean = Mean(values);
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
