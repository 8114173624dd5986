using System.Diagnostics;
using System.Globalization;

namespace QuantSim.Cli.Study;

/// <summary>
/// Progress of the accuracy cells (variant x precision x seed) with an estimate of the time left: the mean
/// seconds per cell so far times the cells still to do. Cells answered from the cache take milliseconds, so
/// a resumed run's estimate starts low and grows as real training begins; it goes to stderr only, never
/// into a result file (those stay byte-identical).
/// </summary>
public sealed class StudyProgress(int totalCells, IProgress<string> progress)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _done;

    public int Done => _done;

    /// <summary>Counts one finished cell and reports it with the estimate.</summary>
    public void CellDone(string cell)
    {
        _done++;
        double perCell = _clock.Elapsed.TotalSeconds / _done;
        progress.Report(Line(cell, _done, totalCells, perCell));
    }

    /// <summary>The progress line for <paramref name="done"/> of <paramref name="total"/> cells at <paramref name="secondsPerCell"/>.</summary>
    public static string Line(string cell, int done, int total, double secondsPerCell)
    {
        double left = Math.Max(0, total - done) * secondsPerCell;
        return string.Create(CultureInfo.InvariantCulture,
            $"{cell}: accuracy cell {done}/{total} done, {secondsPerCell:0.0} s per cell so far, about {Duration(left)} left");
    }

    private static string Duration(double seconds) =>
        seconds < 90 ? string.Create(CultureInfo.InvariantCulture, $"{seconds:0} s")
        : seconds < 5400 ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0} min")
        : string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0.0} h");
}
