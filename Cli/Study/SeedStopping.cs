using QuantSim.Workloads.Torch.Statistics;

namespace QuantSim.Cli.Study;

/// <summary>
/// When the equal-accuracy search may stop training a cell's seeds early: once no top-1s of the seeds still to
/// come could make the cell pass <see cref="EqualAccuracyTarget"/> at the study's loosest target, the cell fails
/// every target, and training the rest would change no answer (seeds cost about a minute each on ResNet-20, and
/// most failing cells fail by points, not by their spread).
/// <para>
/// The bound is exact, not a margin: with k top-1s measured and r = n − k to come, each in [0, 1], the largest
/// mean − s (s the sample standard deviation of all n) is reached with the r values equal. For a fixed sum of
/// the r values the mean is fixed and s is smallest when they are equal (the sum of squares is), so the
/// maximum lies on the line where all r equal some y. On that line the mean is linear in y and s is the norm of
/// an affine function of y (convex), so mean − s is concave in y and a ternary search over [0, 1] finds its
/// maximum.
/// </para>
/// <para>
/// The decision uses the seeds in order and never looks at a cached seed beyond it, so a study gives the same
/// cells and the same study.json whether its caches are cold, warm, or hold seeds an earlier study trained.
/// Cells of the equal-precision grid always get every seed (the paired tests need them).
/// </para>
/// </summary>
public static class SeedStopping
{
    /// <summary>The largest mean − one sample std over <paramref name="measured"/> plus any <paramref name="remaining"/> values in [0, 1].</summary>
    public static double HighestMeanMinusStd(IReadOnlyList<double> measured, int remaining)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(remaining);
        double lo = 0, hi = 1;
        for (int i = 0; i < 200; i++)
        {
            double m1 = lo + (hi - lo) / 3, m2 = hi - (hi - lo) / 3;
            if (MeanMinusStd(measured, remaining, m1) < MeanMinusStd(measured, remaining, m2))
            {
                lo = m1;
            }
            else
            {
                hi = m2;
            }
        }

        return Math.Max(MeanMinusStd(measured, remaining, (lo + hi) / 2), Math.Max(MeanMinusStd(measured, remaining, 0), MeanMinusStd(measured, remaining, 1)));
    }

    /// <summary>
    /// True when the cell fails <paramref name="loosestTargetPoints"/> whatever its remaining seeds score. A margin
    /// of 1e-9 points keeps the ternary search's last digits from ever rejecting a cell that could pass.
    /// </summary>
    public static bool CannotMeet(IReadOnlyList<double> measured, int remaining, double floatTop1, double loosestTargetPoints) =>
        remaining > 0 && HighestMeanMinusStd(measured, remaining) * 100 < floatTop1 * 100 - loosestTargetPoints - 1e-9;

    /// <summary>The quantity <see cref="EqualAccuracyTarget"/> tests, with the remaining seeds all at <paramref name="y"/>.</summary>
    private static double MeanMinusStd(IReadOnlyList<double> measured, int remaining, double y)
    {
        double[] values = [.. measured, .. Enumerable.Repeat(y, remaining)];
        return SampleStatistics.Mean(values) - (SampleStatistics.StandardDeviation(values) ?? 0);
    }
}
