using System.Collections.Immutable;
using QuantSim.Energy.Model;
using QuantSim.Simulator.Config;
using QuantSim.Workloads;
using QuantSim.Workloads.Torch.Statistics;

namespace QuantSim.Cli.Study;

/// <summary>
/// Runs the quantization hardware-overhead study: every variant x precision point on the trained
/// model's workload and on an ImageNet-scale zoo network (simulated and priced), with its measured
/// accuracy when an accuracy source is given; then the equal-accuracy choice and the headline
/// comparison of LSQ against both scale-offset forms.
/// </summary>
public static class StudyRunner
{
    public static StudyResult Run(
        StudyOptions options, IReadOnlyList<StudyVariant> variants, AcceleratorConfig config, Workload model, Workload large, IStudyAccuracy? accuracy, IProgress<string> progress,
        CancellationToken cancellation = default)
    {
        var rows = ImmutableArray.CreateBuilder<StudyRow>();
        var skipped = ImmutableArray.CreateBuilder<(string, string, string)>();
        int runnable = variants.Sum(v => StudyPrecision.All.Count(p => StudyHardware.Unsupported(v, p) is null));
        var cells = new StudyProgress(runnable * options.Seeds, progress);
        foreach (var variant in variants)
        {
            foreach (var precision in StudyPrecision.All)
            {
                if (StudyHardware.Unsupported(variant, precision) is { } reason)
                {
                    skipped.Add((variant.Label, precision.Label, reason));
                    continue;
                }

                // An interrupted study stops between points (a point's training is not cut short: its
                // checkpoints and score are cached as they complete, so the rerun resumes after it).
                cancellation.ThrowIfCancellationRequested();
                progress.Report($"{variant.Label} {precision.Label}: hardware");
                var onModel = StudyHardware.Measure(config, model, variant, precision, options.SizesAccumulators);
                var onLarge = StudyHardware.Measure(config, large, variant, precision, options.SizesAccumulators);
                cancellation.ThrowIfCancellationRequested();
                rows.Add(new StudyRow(variant, precision, onModel, onLarge, accuracy is null ? null : Measure(accuracy, variant, precision, options, cells, progress, cancellation)));
            }
        }

        var all = rows.ToImmutable();
        return new StudyResult(
            options, config, all, skipped.ToImmutable(),
            [.. EqualAccuracyChoice.Choose(all, options.MarginPoints, StudyOptions.Reference)],
            [.. Headline(all, accuracy)]);
    }

    /// <summary>Every seed of one cell (each cached on its own, so an interrupted study resumes at the seed it stopped in).</summary>
    private static CellAccuracy? Measure(IStudyAccuracy accuracy, StudyVariant variant, StudyPrecision precision, StudyOptions options, StudyProgress cells, IProgress<string> progress, CancellationToken cancellation)
    {
        var seeds = ImmutableArray.CreateBuilder<SeedAccuracy>();
        foreach (int seed in options.QatSeeds)
        {
            cancellation.ThrowIfCancellationRequested();
            if (accuracy.Measure(variant, precision, seed, progress) is not { } point)
            {
                return null;
            }

            seeds.Add(new SeedAccuracy(seed, point));
            cells.CellDone($"{variant.Label} {precision.Label} seed {seed}");
        }

        return new CellAccuracy(seeds.ToImmutable());
    }

    private static IEnumerable<HeadlineRow> Headline(IReadOnlyList<StudyRow> rows, IStudyAccuracy? accuracy)
    {
        foreach (var lsq in rows.Where(r => r.Variant.Label == StudyOptions.Reference))
        {
            foreach (var offset in rows.Where(r => r.Variant.HasOffset && r.Precision == lsq.Precision))
            {
                double? delta = null, t = null;
                ImmutableArray<double> mcnemar = [];
                if (lsq.Accuracy is { } a && offset.Accuracy is { } b && accuracy is not null)
                {
                    delta = (b.Mean - a.Mean) * 100;
                    t = PairedTTest.Compare(a.Top1s, b.Top1s)?.PValue;
                    // Pairs by seed: both fine-tuned with the same shuffle and calibration images.
                    mcnemar = [.. a.Seeds.Zip(b.Seeds, (x, y) => accuracy.PairedPValue(x.Point, y.Point))];
                }

                var (largest, largestPj) = LargestIncrease(lsq.Large, offset.Large, AccountingLevel.System);
                decimal total = offset.Large.Priced.EnergyPerInferencePj - lsq.Large.Priced.EnergyPerInferencePj;
                yield return new HeadlineRow(
                    lsq.Precision.Label,
                    offset.Variant.Label,
                    delta,
                    t,
                    mcnemar,
                    lsq.Model.Priced.InferencesPerJoule / offset.Model.Priced.InferencesPerJoule,
                    lsq.Large.Priced.InferencesPerJoule / offset.Large.Priced.InferencesPerJoule,
                    [.. AccountingLevels.All.Select(level => Ratio(lsq.Large, offset.Large, level))],
                    largest,
                    largestPj,
                    total == 0 ? 0 : (double)(largestPj / total));
            }
        }
    }

    private static LevelRatio Ratio(HardwarePoint lsq, HardwarePoint offset, AccountingLevel level)
    {
        var (component, pj) = LargestIncrease(lsq, offset, level);
        decimal reference = lsq.EnergyPj(level);
        return new LevelRatio(level, reference == 0 ? 0 : (double)(offset.EnergyPj(level) / reference), component, pj);
    }

    /// <summary>The component counted at <paramref name="level"/> whose energy grew the most from LSQ to the offset form (ties by name), or "-" when none grew.</summary>
    private static (string Component, decimal Pj) LargestIncrease(HardwarePoint lsq, HardwarePoint offset, AccountingLevel level)
    {
        var largest = offset.Components
            .Concat(lsq.Components.Where(l => offset.Components.All(o => o.Component != l.Component)).Select(l => l with { Pj = 0 }))
            .Where(c => level.Includes(c.Component.Category))
            .Select(c => (c.Component.Name, Delta: c.Pj - lsq.Components.Where(l => l.Component == c.Component).Sum(l => l.Pj)))
            .OrderByDescending(c => c.Delta)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        // Nothing grew (the form costs what LSQ does at this level): name no component.
        return largest.Delta > 0 ? (largest.Name, largest.Delta) : ("-", 0m);
    }
}
