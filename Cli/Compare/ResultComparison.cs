using System.Globalization;
using System.Text;
using QuantSim.Input;

namespace QuantSim.Cli.Compare;

/// <summary>
/// Compares two results of the same workload, per layer and in total. A metric regresses (or
/// improves) past its threshold when |relative change| is greater than the threshold; both
/// directions count, since an unexplained speed-up is as suspicious in a simulator as a slow-down.
/// </summary>
public sealed class ResultComparison
{
    private ResultComparison(IReadOnlyList<MetricChange> changes) => Changes = changes;

    public IReadOnlyList<MetricChange> Changes { get; }

    public bool AnyExceeds => Changes.Any(c => c.Exceeds);

    public static ResultComparison Of(ResultFile old, ResultFile @new, IReadOnlyDictionary<string, double> thresholds)
    {
        if (old.Workload != @new.Workload)
        {
            var (line, column) = @new.PositionOf("workload.name");
            throw new InputException(new InputError(@new.Path, line, column, "workload.name", $"compares '{@new.Workload}' against '{old.Workload}' in {old.Path}; compare results of the same workload"));
        }

        var oldNames = old.Layers.Select(l => l.Layer).ToList();
        var newNames = @new.Layers.Select(l => l.Layer).ToList();
        if (!oldNames.SequenceEqual(newNames))
        {
            var (line, column) = @new.PositionOf("layers");
            throw new InputException(new InputError(@new.Path, line, column, "layers", $"the layers differ from {old.Path} ({newNames.Count} against {oldNames.Count}, first difference at '{newNames.Except(oldNames).Concat(oldNames.Except(newNames)).FirstOrDefault() ?? "order"}')"));
        }

        var changes = new List<MetricChange>();
        foreach (var ((layer, before), (_, after)) in old.Layers.Zip(@new.Layers))
        {
            changes.AddRange(Diff(layer, before, after, thresholds));
        }

        changes.AddRange(Diff("total", old.Totals, @new.Totals, thresholds));
        return new ResultComparison(changes);
    }

    private static IEnumerable<MetricChange> Diff(string scope, IReadOnlyDictionary<string, double> before, IReadOnlyDictionary<string, double> after, IReadOnlyDictionary<string, double> thresholds) =>
        ResultFile.Metrics
            .Where(m => before.ContainsKey(m) && after.ContainsKey(m))
            .Select(m => new MetricChange(scope, m, before[m], after[m], thresholds.GetValueOrDefault(m, thresholds.GetValueOrDefault("*"))));

    /// <summary>A Markdown table of the figures that changed (all of them with <paramref name="all"/>).</summary>
    public string ToMarkdown(bool all = false)
    {
        var text = new StringBuilder("| scope | metric | old | new | change | threshold | |\n|---|---|---:|---:|---:|---:|---|\n");
        foreach (var c in Changes.Where(c => all || c.Relative != 0))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| {c.Scope} | {c.Metric} | {Format(c.Old)} | {Format(c.New)} | {Percent(c.Relative)} | {Percent(c.Threshold)} | {(c.Exceeds ? "**past threshold**" : string.Empty)} |\n");
        }

        return text.ToString();
    }

    public static string Format(double value) => value.ToString("#,0.######", CultureInfo.InvariantCulture);

    public static string Percent(double fraction) =>
        double.IsInfinity(fraction) ? "new" : (fraction * 100).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + " %";
}
