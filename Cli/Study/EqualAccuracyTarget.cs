namespace QuantSim.Cli.Study;

/// <summary>
/// When a cell is "within T points of float": its mean top-1 minus one sample standard deviation over the
/// seeds is at least float − T. Subtracting the spread makes a cell whose seeds scatter widely prove more
/// than one lucky mean, without the 95 % lower bound of three seeds (mean − 2.5 std: t(0.975, 2) / sqrt 3),
/// which at T = 0.1 would demand a spread of at most 0.04 points even from a lossless cell. With one seed
/// the spread is unknown and counts as 0. (docs/study/equal-accuracy.md)
/// </summary>
public static class EqualAccuracyTarget
{
    public static bool Meets(CellAccuracy accuracy, double targetPoints) =>
        (accuracy.Mean - (accuracy.StandardDeviation ?? 0)) * 100 >= accuracy.FloatTop1 * 100 - targetPoints;
}
