using System.Collections.Immutable;
using QuantSim.Energy.Model;
using QuantSim.Input;
using QuantSim.Simulator.Config;
using QuantSim.Workloads;

namespace QuantSim.Cli.Study;

/// <summary>
/// <c>study --sensitivity</c>: every headline comparison (LSQ against each offset form at each precision, and
/// at each equal-accuracy target) simulated and priced again under each <see cref="CostAlternative"/>. The
/// accuracies, and so the points compared, stay those of the study: only the cost model changes.
/// </summary>
public static class SensitivityRun
{
    /// <summary>The name of the study's own cost model among the alternatives.</summary>
    public const string Baseline = "baseline";

    public static SensitivityResult Run(
        StudyResult study, IReadOnlyList<StudyVariant> variants, AcceleratorConfig config, Workload model, Workload large, IProgress<string> progress, CancellationToken cancellation = default)
    {
        var points = study.Rows.Concat(study.Searched).GroupBy(r => (r.Variant.Label, r.Precision.Label)).ToDictionary(g => g.Key, g => g.First());
        var comparisons = new List<(double? Target, string Form, StudyRow Lsq, StudyRow Offset)>();
        foreach (var h in study.Headline)
        {
            comparisons.Add((null, h.Form, points[(study.Options.Reference, h.Precision)], points[(h.Form, h.Precision)]));
        }

        foreach (var h in study.EqualAccuracyHeadline)
        {
            comparisons.Add((h.TargetPoints, h.Form, points[(study.Options.Reference, h.LsqPrecision)], points[(h.Form, h.FormPrecision)]));
        }

        var pairs = ImmutableArray.CreateBuilder<SensitivityPair>();
        pairs.AddRange(comparisons.Select(c => Pair(Baseline, c, c.Lsq.Model, c.Offset.Model, c.Lsq.Large, c.Offset.Large)));
        var alternatives = CostAlternative.Documented(config, Energy.Pricing.PricingCheck.Check(config));
        // Alternatives are independent: both cores, each result in its own slot, so the output is the same at any thread count.
        var priced = new (string? Refused, List<SensitivityPair> Pairs)[alternatives.Count];
        Parallel.For(0, alternatives.Count, new ParallelOptions { CancellationToken = cancellation }, i =>
        {
            var alternative = alternatives[i];
            var measured = new Dictionary<(string, string, string), HardwarePoint>();
            HardwarePoint At(StudyRow row, Workload workload)
            {
                var key = (row.Variant.Label, row.Precision.Label, workload.Name);
                if (!measured.TryGetValue(key, out var point))
                {
                    cancellation.ThrowIfCancellationRequested();
                    point = StudyHardware.Measure(config, workload, row.Variant, row.Precision, study.Options.SizesAccumulators, alternative);
                    measured[key] = point;
                }

                return point;
            }

            try
            {
                priced[i] = (null, [.. comparisons.Select(c => Pair(alternative.Name, c, At(c.Lsq, model), At(c.Offset, model), At(c.Lsq, large), At(c.Offset, large)))]);
            }
            catch (InputException ex)
            {
                // The table cannot price the alternative (a word width or capacity it has no points for): say so, price the rest.
                priced[i] = (string.Join("; ", ex.Errors.Select(e => e.Message)), []);
            }

            progress.Report($"sensitivity: {alternative.Name} {(priced[i].Refused is null ? "priced" : "not priced")}");
        });

        pairs.AddRange(priced.SelectMany(p => p.Pairs));

        return new SensitivityResult(
            [.. alternatives.Select((a, i) => (a.Name, a.Description, priced[i].Refused))],
            pairs.ToImmutable());
    }

    private static SensitivityPair Pair(string alternative, (double? Target, string Form, StudyRow Lsq, StudyRow Offset) c, HardwarePoint lsqModel, HardwarePoint offsetModel, HardwarePoint lsqLarge, HardwarePoint offsetLarge) =>
        new(alternative, c.Target, c.Form, c.Lsq.Precision.Label, c.Offset.Precision.Label,
            [.. AccountingLevels.All.Select(level => StudyRunner.Ratio(lsqModel, offsetModel, level))],
            [.. AccountingLevels.All.Select(level => StudyRunner.Ratio(lsqLarge, offsetLarge, level))]);
}
