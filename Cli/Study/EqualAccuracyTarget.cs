namespace QuantSim.Cli.Study;

/// <summary>
/// When a cell is "within T points of float": its mean top-1 minus one sample standard deviation over the
/// seeds is at least float − T. Subtracting the spread makes a cell whose seeds scatter widely prove more
/// than one lucky mean, without the 2-3x wider t interval of three seeds, which at T = 0.1 would reject
/// every cell including w8a8 (seed-to-seed spread on MNIST is about 0.05-0.1 points). With one seed the
/// spread is unknown and counts as 0.
/// </summary>
public static class EqualAccuracyTarget
{
    public static bool Meets(CellAccuracy accuracy, double targetPoints) =>
        (accuracy.Mean - (accuracy.StandardDeviation ?? 0)) * 100 >= accuracy.FloatTop1 * 100 - targetPoints;
}
