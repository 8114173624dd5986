using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using QuantSim.Cli.Reports;
using QuantSim.Energy.Model;

namespace QuantSim.Cli.Study;

/// <summary>study.json (versioned, docs/schemas/study.schema.json), study.csv (a row per variant x precision) and the Markdown headline.</summary>
public static class StudyWriter
{
    /// <summary>
    /// Version 4: accuracy per QAT seed (<c>seeds</c>) with its mean and sample standard deviation; the headline's
    /// paired t-test across seeds and McNemar's p per seed. Version 5: the fine-tuning and test budget
    /// (<c>budget</c>) of the measured cells. Version 6: the <c>reference</c> form the ratios divide by.
    /// </summary>
    public const string Schema = "quantsim.study/7";

    public static string Json(StudyResult s) =>
        OutputJson.Render(Schema, json =>
        {
            json.WriteString("model", s.Options.Model);
            json.WriteString("dataset", s.Options.Dataset);
            json.WriteString("config", s.Config.Name);
            json.WriteString("large_workload", s.Options.LargeWorkload);
            json.WriteString("reference", s.Options.Reference);
            json.WriteStartArray("targets_points");
            foreach (double target in s.Options.Targets)
            {
                json.WriteNumberValue(target);
            }

            json.WriteEndArray();
            json.WriteString("first_last", s.Options.FirstLastAt8 ? "8" : "body");
            json.WriteString("accumulators", s.Options.SizesAccumulators ? "sized" : "config");
            if (s.Rows.Any(r => r.Accuracy is not null))
            {
                json.WriteStartArray("qat_seeds");
                foreach (int seed in s.Options.QatSeeds)
                {
                    json.WriteNumberValue(seed);
                }

                json.WriteEndArray();
                if (s.Options.Budget is { } budget)
                {
                    json.WriteStartObject("budget");
                    json.WriteNumber("float_epochs", budget.FloatEpochs);
                    WriteCount(json, "float_images", budget.FloatImages);
                    json.WriteNumber("qat_epochs", budget.QatEpochs);
                    WriteCount(json, "qat_images", budget.QatImages);
                    WriteCount(json, "test_images", budget.TestImages);
                    json.WriteEndObject();
                }
            }

            json.WriteStartArray("rows");
            foreach (var r in s.Rows)
            {
                WriteRow(json, r);
            }

            json.WriteEndArray();
            json.WriteStartArray("searched");
            foreach (var r in s.Searched)
            {
                WriteRow(json, r);
            }

            json.WriteEndArray();
            json.WriteStartArray("skipped");
            foreach (var (variant, precision, reason) in s.Skipped)
            {
                json.WriteStartObject();
                json.WriteString("variant", variant);
                json.WriteString("precision", precision);
                json.WriteString("reason", reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("equal_accuracy");
            foreach (var c in s.EqualAccuracy)
            {
                json.WriteStartObject();
                json.WriteNumber("target_points", c.TargetPoints);
                json.WriteString("variant", c.Variant);
                json.WriteStartArray("frontier");
                foreach (string point in c.Frontier)
                {
                    json.WriteStringValue(point);
                }

                json.WriteEndArray();
                json.WriteString("precision", c.Cheapest?.Precision.Label);
                if (c.EfficiencyVsReference is { } ratio)
                {
                    json.WriteNumber("efficiency_vs_lsq", ratio);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("headline");
            foreach (var h in s.Headline)
            {
                WriteHeadline(json, h);
            }

            json.WriteEndArray();
            json.WriteStartArray("headline_equal_accuracy");
            foreach (var h in s.EqualAccuracyHeadline)
            {
                json.WriteStartObject();
                json.WriteNumber("target_points", h.TargetPoints);
                json.WriteString("form", h.Form);
                json.WriteString("lsq_precision", h.LsqPrecision);
                json.WriteString("form_precision", h.FormPrecision);
                json.WriteNumber("accuracy_delta_points", h.AccuracyDeltaPoints);
                WriteLevels(json, "levels_model", h.LevelsModel);
                WriteLevels(json, "levels_large", h.LevelsLarge);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (!s.FloatBaseline.IsEmpty)
            {
                json.WriteStartArray("float_baseline");
                foreach (var f in s.FloatBaseline)
                {
                    json.WriteStartObject();
                    json.WriteString("form", f.Form);
                    json.WriteString("form_precision", f.FormPrecision);
                    json.WriteString("reference_precision", f.ReferencePrecision);
                    WriteLevels(json, "levels_model", f.LevelsModel);
                    WriteLevels(json, "levels_large", f.LevelsLarge);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            if (s.Sensitivity is { } sensitivity)
            {
                WriteSensitivity(json, sensitivity);
            }
        });

    private static void WriteSensitivity(Utf8JsonWriter json, SensitivityResult sensitivity)
    {
        json.WriteStartObject("sensitivity");
        json.WriteStartArray("alternatives");
        foreach (var (name, description, refused) in sensitivity.Alternatives)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("description", description);
            if (refused is not null)
            {
                json.WriteString("not_priced", refused);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("pairs");
        foreach (var p in sensitivity.Pairs)
        {
            json.WriteStartObject();
            json.WriteString("alternative", p.Alternative);
            if (p.TargetPoints is double target)
            {
                json.WriteNumber("target_points", target);
            }

            json.WriteString("form", p.Form);
            json.WriteString("lsq_precision", p.LsqPoint);
            json.WriteString("form_precision", p.FormPoint);
            WriteLevels(json, "levels_model", p.LevelsModel);
            WriteLevels(json, "levels_large", p.LevelsLarge);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>A count, or null for "all of them".</summary>
    private static void WriteCount(Utf8JsonWriter json, string name, int? count)
    {
        if (count is int n)
        {
            json.WriteNumber(name, n);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteRow(Utf8JsonWriter json, StudyRow r)
    {
        json.WriteStartObject();
        json.WriteString("variant", r.Variant.Label);
        json.WriteString("precision", r.Precision.Label);
        if (r.Accuracy is { } a)
        {
            json.WriteStartObject("accuracy");
            json.WriteNumber("top1_mean", a.Mean);
            if (a.StandardDeviation is { } sd)
            {
                json.WriteNumber("top1_std", sd);
            }

            json.WriteNumber("float_top1", a.FloatTop1);
            json.WriteStartArray("seeds");
            foreach (var (seed, point) in a.Seeds)
            {
                json.WriteStartObject();
                json.WriteNumber("seed", seed);
                json.WriteNumber("top1", point.Top1);
                json.WriteNumber("top1_low95", point.Low95);
                json.WriteNumber("top1_high95", point.High95);
                json.WriteNumber("agreement_with_fake_quant", point.Agreement);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        foreach (var (name, h) in new[] { ("model", r.Model), ("large", r.Large) })
        {
            json.WriteStartObject(name);
            json.WriteString("workload", h.Workload);
            json.WriteNumber("cycles", h.Cycles);
            PricedSummaryJson.Write(json, h.Priced);
            json.WriteStartObject("components_pj");
            foreach (var component in h.Components)
            {
                json.WriteNumber(component.Component.Name, component.Pj);
            }

            json.WriteEndObject();
            json.WriteStartObject("levels_pj");
            foreach (var level in AccountingLevels.All)
            {
                json.WriteNumber(level.Name(), h.EnergyPj(level));
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteHeadline(Utf8JsonWriter json, HeadlineRow h)
    {
        json.WriteStartObject();
        json.WriteString("precision", h.Precision);
        json.WriteString("form", h.Form);
        if (h.AccuracyDeltaPoints is { } d)
        {
            json.WriteNumber("accuracy_delta_points", d);
        }

        if (h.PairedTPValue is { } p)
        {
            json.WriteNumber("paired_t_p", p);
        }

        if (!h.McNemarPerSeed.IsEmpty)
        {
            json.WriteStartArray("mcnemar_p");
            foreach (double m in h.McNemarPerSeed)
            {
                json.WriteNumberValue(m);
            }

            json.WriteEndArray();
        }

        json.WriteNumber("lsq_efficiency_ratio_model", h.EfficiencyRatioModel);
        json.WriteNumber("lsq_efficiency_ratio_large", h.EfficiencyRatioLarge);
        WriteLevels(json, "levels_large", h.LevelsLarge);
        json.WriteString("largest_increase", h.LargestIncrease);
        json.WriteNumber("largest_increase_pj", h.LargestIncreasePj);
        json.WriteEndObject();
    }

    private static void WriteLevels(Utf8JsonWriter json, string name, IEnumerable<LevelRatio> levels)
    {
        json.WriteStartObject(name);
        foreach (var level in levels)
        {
            json.WriteStartObject(level.Level.Name());
            json.WriteNumber("energy_ratio", level.EnergyRatio);
            json.WriteString("largest_increase", level.LargestIncrease);
            json.WriteNumber("largest_increase_pj", level.LargestIncreasePj);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    public static string Csv(StudyResult s)
    {
        var text = new StringBuilder("variant,precision,top1_mean,top1_std,seeds,model_cycles,model_energy_pj,model_tops_per_watt,model_inferences_per_joule,large_cycles,large_energy_pj,large_tops_per_watt,area_mm2,tops_per_mm2\n");
        foreach (var r in s.Rows.Concat(s.Searched.Where(x => !s.Rows.Contains(x))))
        {
            object?[] cells =
            [
                r.Variant.Label, r.Precision.Label, r.Accuracy?.Mean, r.Accuracy?.StandardDeviation, r.Accuracy?.Seeds.Length,
                r.Model.Cycles, r.Model.Priced.EnergyPerInferencePj, r.Model.Priced.TopsPerWatt, r.Model.Priced.InferencesPerJoule,
                r.Large.Cycles, r.Large.Priced.EnergyPerInferencePj, r.Large.Priced.TopsPerWatt, r.Model.Priced.AreaMm2, r.Model.Priced.TopsPerMm2,
            ];
            text.AppendJoin(',', cells.Select(c => c switch
            {
                null => string.Empty,
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                _ => Convert.ToString(c, CultureInfo.InvariantCulture),
            })).Append('\n');
        }

        return text.ToString();
    }

    public static string Delta(HeadlineRow h) => h.AccuracyDeltaPoints is { } d ? d.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) : "n/a";

    public static string TP(HeadlineRow h) => h.PairedTPValue is { } p ? p.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";

    public static string McNemar(HeadlineRow h) =>
        h.McNemarPerSeed.IsEmpty ? "n/a" : string.Join(" / ", h.McNemarPerSeed.Select(p => p.ToString("0.000", CultureInfo.InvariantCulture)));

    /// <summary>Top-1 % as mean ± sample standard deviation over the seeds (the mean alone with one seed).</summary>
    public static string Top1(CellAccuracy? a) => a is null ? "n/a"
        : (a.Mean * 100).ToString("0.00", CultureInfo.InvariantCulture) + (a.StandardDeviation is { } sd ? " ± " + (sd * 100).ToString("0.00", CultureInfo.InvariantCulture) : string.Empty);

    /// <summary>The ratios at the four inner accounting levels (the system level is the "large" column), joined by <paramref name="separator"/>.</summary>
    public static string InnerLevels(HeadlineRow h, string separator) =>
        string.Join(separator, h.LevelsLarge.Where(l => l.Level != AccountingLevel.System).Select(l => l.EnergyRatio.ToString("0.000", CultureInfo.InvariantCulture) + "x"));

    /// <summary>The headline as a Markdown table (also embedded in the HTML report).</summary>
    public static string HeadlineMarkdown(StudyResult s)
    {
        var text = new StringBuilder($"| precision | scale-offset form | accuracy vs {s.Options.Reference} (points, mean over seeds) | paired t p | McNemar p per seed | {s.Options.Reference} efficiency / scale-offset (model) | (large) | large: PE arithmetic | PE | array datapath | on-chip | largest energy increase |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        foreach (var h in s.Headline)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| {h.Precision} | {h.Form} | {Delta(h)} | {TP(h)} | {McNemar(h)} | {h.EfficiencyRatioModel:0.000}x | {h.EfficiencyRatioLarge:0.000}x | {InnerLevels(h, " | ")} | {h.LargestIncrease} (+{h.LargestIncreasePj / 1_000_000m:0.000} uJ, {h.LargestIncreaseShareOfDelta:P0} of the difference) |\n");
        }

        text.Append(EqualAccuracyMarkdown(s));
        text.Append(FloatBaselineMarkdown(s));
        text.Append(SensitivityMarkdown(s));
        return text.ToString();
    }

    /// <summary>Each headline ratio as baseline (lowest..highest over the cost alternatives), on the large network and on the trained model.</summary>
    public static string SensitivityMarkdown(StudyResult s)
    {
        if (s.Sensitivity is not { } sensitivity)
        {
            return string.Empty;
        }

        string levels = string.Join(" | ", AccountingLevels.All.Select(l => l.Name()));
        var text = new StringBuilder($"\n## Sensitivity to the cost model (form / {s.Options.Reference} energy: baseline (lowest..highest over the alternatives))\n\n");
        foreach (var (name, description, refused) in sensitivity.Alternatives)
        {
            text.Append(CultureInfo.InvariantCulture, $"- `{name}`: {description}{(refused is null ? string.Empty : $" (not priced: {refused})")}\n");
        }

        foreach (var (title, pick) in new (string, Func<SensitivityPair, ImmutableArray<LevelRatio>>)[] { (s.Options.LargeWorkload, p => p.LevelsLarge), (s.Options.Model, p => p.LevelsModel) })
        {
            text.Append(CultureInfo.InvariantCulture, $"\n### On {title}\n\n| comparison | form | {s.Options.Reference} point | form point | {levels} |\n|---|---|---|---|{string.Concat(Enumerable.Repeat("---:|", AccountingLevels.All.Count))}\n");
            foreach (var (baseline, ranges) in sensitivity.Ranges(pick))
            {
                string comparison = baseline.TargetPoints is double t ? string.Create(CultureInfo.InvariantCulture, $"equal accuracy, {t:0.###} pts") : "equal precision";
                text.Append(CultureInfo.InvariantCulture, $"| {comparison} | {baseline.Form} | {baseline.LsqPoint} | {baseline.FormPoint} | {string.Join(" | ", ranges)} |\n");
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// At equal accuracy: for each target, LSQ's cheapest searched point against each offset form's, as
    /// form energy / LSQ energy at every accounting level on the trained model and on the large network.
    /// </summary>
    public static string EqualAccuracyMarkdown(StudyResult s)
    {
        if (s.EqualAccuracyHeadline.IsEmpty)
        {
            return string.Empty;
        }

        string levels = string.Join(" | ", AccountingLevels.All.Select(l => l.Name()));
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"\n## At equal accuracy (mean − 1 std within the target of float; energy ratio = form / {s.Options.Reference})\n\n| target (points) | form | {s.Options.Reference} point | form point | accuracy vs {s.Options.Reference} (points) | {s.Options.Model}: {levels} | {s.Options.LargeWorkload} (energy only, no measured accuracy): {levels} |\n|---:|---|---|---|---:|{string.Concat(Enumerable.Repeat("---:|", 2 * AccountingLevels.All.Count))}\n");
        foreach (var h in s.EqualAccuracyHeadline)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| {h.TargetPoints:0.###} | {h.Form} | {h.LsqPrecision} | {h.FormPrecision} | {h.AccuracyDeltaPoints:+0.00;-0.00;0.00} | {Ratios(h.LevelsModel)} | {Ratios(h.LevelsLarge)} |\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// Against the floating-point baseline: each float form's energy over the reference's at each of its precisions,
    /// at every accounting level, on the trained model and on the large network. The float forms are priced, not
    /// trained: their accuracy is the float network's, which the study measures only as the target's anchor.
    /// </summary>
    public static string FloatBaselineMarkdown(StudyResult s)
    {
        if (s.FloatBaseline.IsEmpty)
        {
            return string.Empty;
        }

        string levels = string.Join(" | ", AccountingLevels.All.Select(l => l.Name()));
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"\n## Against the floating-point baseline (energy ratio = float form / {s.Options.Reference}, same MACs; the float forms are priced, not trained)\n\n| float form | its precision | {s.Options.Reference} point | {s.Options.Model}: {levels} | {s.Options.LargeWorkload}: {levels} |\n|---|---|---|{string.Concat(Enumerable.Repeat("---:|", 2 * AccountingLevels.All.Count))}\n");
        foreach (var f in s.FloatBaseline)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {f.Form} | {f.FormPrecision} | {f.ReferencePrecision} | {Ratios(f.LevelsModel)} | {Ratios(f.LevelsLarge)} |\n");
        }

        return text.ToString();
    }

    private static string Ratios(IEnumerable<LevelRatio> levels) =>
        string.Join(" | ", levels.Select(l => l.EnergyRatio.ToString("0.000", CultureInfo.InvariantCulture) + "x"));
}
