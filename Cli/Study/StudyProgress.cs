using System.Diagnostics;
using System.Globalization;

namespace QuantSim.Cli.Study;

/// <summary>
/// Progress of the accuracy cells (variant x precision x seed) with an estimate of the time left: the median
/// wall time of the cells that trained so far times the cells still to do. The median, not the mean: the
/// first cell also trains the float network (an hour for the h-swish network here, against a minute or two
/// per fine-tuned cell), and a mean would carry that hour into every estimate of the run. Cells answered
/// from the cache (under a second) are left out of it, so a resumed run estimates from real training only.
/// When the total is only a bound (the equal-accuracy search's cells are known only as it goes), the line
/// says "of at most" and "at most ... left": the search usually stops well short of its bound.
/// It goes to stderr only, never into a result file (those stay byte-identical).
/// </summary>
public sealed class StudyProgress
{
    /// <summary>A cell faster than this was answered from the cache.</summary>
    public static readonly TimeSpan CachedCell = TimeSpan.FromSeconds(1);

    private readonly int _totalCells;
    private readonly bool _bound;
    private readonly IProgress<string> _progress;
    private readonly Func<TimeSpan> _clock;
    private readonly List<double> _trainedSeconds = [];
    private TimeSpan _last;

    /// <summary>Counts <paramref name="totalCells"/> cells (<paramref name="bound"/>: at most that many) on the process clock.</summary>
    public StudyProgress(int totalCells, bool bound, IProgress<string> progress)
        : this(totalCells, bound, progress, StartClock())
    {
    }

    /// <summary>With <paramref name="clock"/> giving the time since the study started (tests pass their own).</summary>
    public StudyProgress(int totalCells, bool bound, IProgress<string> progress, Func<TimeSpan> clock)
    {
        _totalCells = totalCells;
        _bound = bound;
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

        _progress.Report(Line(cell, Done, _totalCells, _bound, Median(_trainedSeconds)));
    }

    /// <summary>
    /// The progress line for <paramref name="done"/> of <paramref name="total"/> cells (<paramref name="bound"/>: of at
    /// most that many) at <paramref name="secondsPerCell"/> (null: no cell trained yet).
    /// </summary>
    public static string Line(string cell, int done, int total, bool bound, double? secondsPerCell)
    {
        string of = bound ? $"{done} of at most {total}" : $"{done}/{total}";
        if (secondsPerCell is not double perCell)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{cell}: accuracy cell {of} done (from the cache)");
        }

        double left = Math.Max(0, total - done) * perCell;
        string estimate = bound ? "at most" : "about";
        return string.Create(CultureInfo.InvariantCulture,
            $"{cell}: accuracy cell {of} done, median {perCell:0.0} s per trained cell, {estimate} {Duration(left)} left");
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
