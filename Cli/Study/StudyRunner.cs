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
        // Progress counts trainings: forms that compute the same integers (one numerics key) share each cell.
        // The float baseline (a fixed precision) is priced, never trained.
        var trained = variants.Where(v => v.Fixed is null).ToList();
        int runnable = trained.SelectMany(v => StudyPrecision.All.Where(p => StudyHardware.Unsupported(v, p) is null).Select(p => (v.Numerics, p.Label))).Distinct().Count();
        // The search's cells are not known in advance: plan its bound (14 cells per numerics and target, at most
        // the 49 of the grid), so the count and the estimate of the time left are upper bounds, and say so.
        int searchBound = accuracy is null ? 0 : trained.Select(v => v.Numerics).Distinct().Count() * Math.Min(49, 14 * options.Targets.Length);
        var cells = new StudyProgress((runnable + searchBound) * options.Seeds, bound: searchBound > 0, progress);
        var counted = new HashSet<(string Numerics, string Precision, int Seed)>();
        // Every measured cell once, by (form, precision): the grid's and the search's share it.
        var measured = new Dictionary<(string, string), StudyRow?>();
        var searched = ImmutableArray.CreateBuilder<StudyRow>();

        StudyRow? Cell(StudyVariant variant, StudyPrecision precision, bool search)
        {
            if (measured.TryGetValue((variant.Label, precision.Label), out var known))
            {
                return known;
            }

            StudyRow? row = null;
            if (StudyHardware.Unsupported(variant, precision) is { } reason)
            {
                skipped.Add((variant.Label, precision.Label, reason));
            }
            else
            {
                // An interrupted study stops between points (a point's training is not cut short: its
                // checkpoints and score are cached as they complete, so the rerun resumes after it).
                cancellation.ThrowIfCancellationRequested();
                progress.Report($"{variant.Label} {precision.Label}: hardware");
                var onModel = StudyHardware.Measure(config, model, variant, precision, options.SizesAccumulators);
                var onLarge = StudyHardware.Measure(config, large, variant, precision, options.SizesAccumulators);
                cancellation.ThrowIfCancellationRequested();
                row = new StudyRow(variant, precision, onModel, onLarge, accuracy is null || variant.Fixed is not null ? null : Measure(accuracy, variant, precision, options, stopEarly: search, cells, counted, progress, cancellation));
            }

            measured[(variant.Label, precision.Label)] = row;
            if (row is not null && search)
            {
                searched.Add(row);
            }

            return row;
        }

        foreach (var variant in variants)
        {
            foreach (var precision in variant.Grid)
            {
                if (Cell(variant, precision, search: false) is { } row)
                {
                    rows.Add(row);
                }
            }
        }

        var all = rows.ToImmutable();
        var choices = ImmutableArray.CreateBuilder<EqualAccuracyChoice>();
        foreach (double target in options.Targets)
        {
            var frontiers = trained.Select(variant =>
            {
                if (accuracy is null)
                {
                    return (variant, Rows: (IReadOnlyList<StudyRow>)[]);
                }

                var frontier = FrontierSearch.Search(StudyOptions.MinBits, StudyOptions.MaxBits, (w, a) =>
                    Cell(variant, StudyPrecision.Point(w, a, options.FirstLastAt8), search: true) is { Accuracy: { } cell }
                        ? EqualAccuracyTarget.Meets(cell, target)
                        : null);
                return (variant, Rows: (IReadOnlyList<StudyRow>)[.. frontier.Points.Select(p => measured[(variant.Label, StudyPrecision.Point(p.W, p.A, options.FirstLastAt8).Label)]!)]);
            }).ToList();
            var reference = EqualAccuracyChoice.CheapestOf(frontiers.FirstOrDefault(f => f.variant.Label == options.Reference).Rows ?? []);
            foreach (var (variant, frontierRows) in frontiers)
            {
                var cheapest = EqualAccuracyChoice.CheapestOf(frontierRows);
                double? ratio = cheapest is not null && reference is not null ? cheapest.Model.Priced.InferencesPerJoule / reference.Model.Priced.InferencesPerJoule : null;
                choices.Add(new EqualAccuracyChoice(target, variant.Label, [.. frontierRows.Select(r => r.Precision.Label)], cheapest, ratio));
            }
        }

        return new StudyResult(
            options, config, all, skipped.ToImmutable(),
            choices.ToImmutable(),
            [.. Headline(all, accuracy, options.Reference)])
        {
            FloatBaseline = [.. FloatBaseline(all, options.Reference)],
            Searched = searched.ToImmutable(),
            EqualAccuracyHeadline = [.. EqualAccuracyHeadline(choices, variants, options.Reference)],
        };
    }

    /// <summary>For each target: LSQ's cheapest point against each offset form's cheapest point, at every accounting level.</summary>
    private static IEnumerable<EqualAccuracyHeadlineRow> EqualAccuracyHeadline(IReadOnlyList<EqualAccuracyChoice> choices, IReadOnlyList<StudyVariant> variants, string reference)
    {
        foreach (var group in choices.GroupBy(c => c.TargetPoints))
        {
            if (group.FirstOrDefault(c => c.Variant == reference)?.Cheapest is not { } lsq)
            {
                continue;
            }

            foreach (var choice in group.Where(c => c.Cheapest is not null && variants.Any(v => v.Label == c.Variant && v.HasOffset)))
            {
                var offset = choice.Cheapest!;
                yield return new EqualAccuracyHeadlineRow(
                    group.Key,
                    choice.Variant,
                    lsq.Precision.Label,
                    offset.Precision.Label,
                    (offset.Accuracy!.Mean - lsq.Accuracy!.Mean) * 100,
                    [.. AccountingLevels.All.Select(level => Ratio(lsq.Model, offset.Model, level))],
                    [.. AccountingLevels.All.Select(level => Ratio(lsq.Large, offset.Large, level))]);
            }
        }
    }

    /// <summary>
    /// Each float baseline form against the reference at every grid precision: float energy over the reference's
    /// at every accounting level, on the trained model and on the large network (how many times more energy the
    /// unquantized accelerator spends for the same MACs).
    /// </summary>
    private static IEnumerable<FloatBaselineRow> FloatBaseline(IReadOnlyList<StudyRow> rows, string reference)
    {
        foreach (var baseline in rows.Where(r => r.Variant.Fixed is not null))
        {
            foreach (var lsq in rows.Where(r => r.Variant.Label == reference))
            {
                yield return new FloatBaselineRow(
                    baseline.Variant.Label,
                    baseline.Precision.Label,
                    lsq.Precision.Label,
                    [.. AccountingLevels.All.Select(level => Ratio(lsq.Model, baseline.Model, level))],
                    [.. AccountingLevels.All.Select(level => Ratio(lsq.Large, baseline.Large, level))]);
            }
        }
    }

    /// <summary>
    /// Every seed of one cell (each cached on its own, so an interrupted study resumes at the seed it stopped in).
    /// A search cell (<paramref name="stopEarly"/>) stops after the seed that proves it fails the loosest target
    /// (<see cref="SeedStopping"/>); its remaining seeds are not trained and it is reported with the seeds it has.
    /// </summary>
    private static CellAccuracy? Measure(
        IStudyAccuracy accuracy, StudyVariant variant, StudyPrecision precision, StudyOptions options, bool stopEarly, StudyProgress cells,
        HashSet<(string, string, int)> counted, IProgress<string> progress, CancellationToken cancellation)
    {
        var seeds = ImmutableArray.CreateBuilder<SeedAccuracy>();
        foreach (int seed in options.QatSeeds)
        {
            if (stopEarly && seeds.Count > 0 && options.Targets.Length > 0
                && SeedStopping.CannotMeet([.. seeds.Select(s => s.Point.Top1)], options.Seeds - seeds.Count, seeds[0].Point.FloatTop1, options.Targets.Max()))
            {
                progress.Report($"{variant.Label} {precision.Label}: fails every target whatever seeds {seed}-{options.Seeds} score; not trained");
                break;
            }

            cancellation.ThrowIfCancellationRequested();
            if (accuracy.Measure(variant, precision, seed, progress) is not { } point)
            {
                return null;
            }

            seeds.Add(new SeedAccuracy(seed, point));
            if (counted.Add((variant.Numerics, precision.Label, seed)))
            {
                cells.CellDone($"{variant.Label} {precision.Label} seed {seed}");
            }
        }

        return new CellAccuracy(seeds.ToImmutable());
    }

    private static IEnumerable<HeadlineRow> Headline(IReadOnlyList<StudyRow> rows, IStudyAccuracy? accuracy, string reference)
    {
        foreach (var lsq in rows.Where(r => r.Variant.Label == reference))
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

    internal static LevelRatio Ratio(HardwarePoint lsq, HardwarePoint offset, AccountingLevel level)
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
