using System.Diagnostics;
using System.Globalization;

namespace QuantSim.Cli.Study;

/// <summary>
/// Progress of the accuracy cells (variant x precision x seed) with an estimate of the time left: the median
/// wall time of the cells that trained so far times the cells still to do. The median, not the mean: the
/// first cell also trains the float network (an hour for the h-swish network here, against a minute or two
/// per fine-tuned cell), and a mean would carry that hour into every estimate of the run. Cells answered
/// from the cache (under a second) are left out of it, so a resumed run estimates from real training only.
/// It goes to stderr only, never into a result file (those stay byte-identical).
/// </summary>
public sealed class StudyProgress
{
    /// <summary>A cell faster than this was answered from the cache.</summary>
    public static readonly TimeSpan CachedCell = TimeSpan.FromSeconds(1);

    private readonly int _totalCells;
    private readonly IProgress<string> _progress;
    private readonly Func<TimeSpan> _clock;
    private readonly List<double> _trainedSeconds = [];
    private TimeSpan _last;

    public StudyProgress(int totalCells, IProgress<string> progress)
        : this(totalCells, progress, StartClock())
    {
    }

    /// <summary>With <paramref name="clock"/> giving the time since the study started (tests pass their own).</summary>
    public StudyProgress(int totalCells, IProgress<string> progress, Func<TimeSpan> clock)
    {
        _totalCells = totalCells;
        _progress = progress;
        _clock = clock;
        _last = clock();
    }

    public int Done { get; private set; }

    /// <summary>Counts one finished cell and reports it with the estimate.</summary>
    public void CellDone(string cell)
    {
        Done++;
        TimeSpan now = _clock();
        TimeSpan took = now - _last;
        _last = now;
        if (took >= CachedCell)
        {
            _trainedSeconds.Add(took.TotalSeconds);
        }

        _progress.Report(Line(cell, Done, _totalCells, Median(_trainedSeconds)));
    }

    /// <summary>The progress line for <paramref name="done"/> of <paramref name="total"/> cells at <paramref name="secondsPerCell"/> (null: no cell trained yet).</summary>
    public static string Line(string cell, int done, int total, double? secondsPerCell)
    {
        if (secondsPerCell is not double perCell)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{cell}: accuracy cell {done}/{total} done (from the cache)");
        }

        double left = Math.Max(0, total - done) * perCell;
        return string.Create(CultureInfo.InvariantCulture,
            $"{cell}: accuracy cell {done}/{total} done, median {perCell:0.0} s per trained cell, about {Duration(left)} left");
    }

    private static Func<TimeSpan> StartClock()
    {
        var watch = Stopwatch.StartNew();
        return () => watch.Elapsed;
    }

    private static double? Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static string Duration(double seconds) =>
        seconds < 90 ? string.Create(CultureInfo.InvariantCulture, $"{seconds:0} s")
        : seconds < 5400 ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0} min")
        : string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0.0} h");
}
