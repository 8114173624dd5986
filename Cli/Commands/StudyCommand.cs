using System.CommandLine;
using QuantSim.Cli.Catalog;
using QuantSim.Cli.Reports;
using QuantSim.Cli.Study;
using QuantSim.Datapaths.Contract;
using QuantSim.Energy.Model;
using QuantSim.Input;
using QuantSim.Simulator.Config;
using QuantSim.Workloads;
using QuantSim.Workloads.Torch.Training;
using Spectre.Console;

namespace QuantSim.Cli.Commands;

/// <summary>
/// <c>quantsim study</c>: every datapath variant x precision, its accuracy (quantized TorchSharp
/// training, integer inference through the datapath's kernels) and its cycles, energy and area on
/// the trained model and on an ImageNet-scale network; the answer at equal accuracy; the headline
/// LSQ versus scale-offset comparison; plots and one self-contained HTML report.
/// </summary>
public static class StudyCommand
{
    public static Command Create(CliConsole console, Func<StudyAccuracyRequest, IStudyAccuracy>? accuracyFactory, DatapathRegistry datapaths, Interruption interruption)
    {
        var model = new Option<string>("--model")
        {
            Description = "Trained model, also simulated (the zoo has the same layers): lenet5 (MNIST), resnet20-fmnist, mobilenet-hswish or small-cnn (Fashion-MNIST)",
            DefaultValueFactory = _ => "lenet5",
        };
        var dataset = new Option<string?>("--dataset") { Description = "mnist or fashion-mnist (default: mnist for lenet5, fashion-mnist for the others)" };
        var config = new Option<string>("--config") { Description = "Accelerator config: built-in name or YAML path", DefaultValueFactory = _ => "default" };
        var large = new Option<string>("--large") { Description = "ImageNet-scale zoo network priced at the same precisions", DefaultValueFactory = _ => "resnet18" };
        var targets = new Option<string>("--targets")
        {
            Description = "Equal-accuracy targets, points of float top-1 (a cell meets one when its mean minus one std over the seeds is within it); none: no equal-accuracy search",
            DefaultValueFactory = _ => "0.1,0.5,1,2",
        };
        var firstLast = new Option<string>("--first-last") { Description = "First and last layers in the equal-accuracy search: 8 (bits) or body (the body's bits)", DefaultValueFactory = _ => "8" };
        var noAccuracy = new Option<bool>("--no-accuracy") { Description = "Hardware only: skip training and integer inference" };
        var qatEpochs = new Option<int?>("--qat-epochs") { Description = "Quantization-aware training epochs per point (default: the accuracy defaults)" };
        var qatImages = new Option<int?>("--qat-images") { Description = "Fine-tune every point on the first N training images (default: the model's recipe; lenet5 and small-cnn 4,000, the batch-norm networks 16,000)" };
        var variants = new Option<string?>("--variants")
        {
            Description = "Only these study forms, comma-separated (e.g. lsq,scale-offset/folded,scale-offset/dequantize-at-edge; default: every form of every variant; the --reference form is always kept)",
        };
        var reference = new Option<string>("--reference")
        {
            Description = "The form every offset form is compared with (headline and equal-accuracy ratios), e.g. lsq/signed on a network whose activations go negative",
            DefaultValueFactory = _ => StudyOptions.DefaultReference,
        };
        var trainImages = new Option<int?>("--train-images")
        {
            Description = "Smoke run: one float epoch and the fine-tuning over the first N training images only (figures are then not the recipe's)",
        };
        var testImages = new Option<int?>("--test-images") { Description = "Evaluate on the first N test images (default: the whole test set)" };
        var seeds = new Option<int>("--seeds")
        {
            Description = "QAT seeds per cell, all fine-tuned from one float checkpoint (mean ± std and a paired t-test across them; 1 for a quick run)",
            DefaultValueFactory = _ => 3,
        };
        var fixedAccumulator = new Option<bool>("--config-accumulator") { Description = "Keep the config's accumulator width at every point instead of sizing each layer's to what it needs" };
        var sensitivity = new Option<bool>("--sensitivity")
        {
            Description = "Also re-price every headline comparison under each documented cost alternative (register energy source, SRAM word width, DRAM pJ/bit, clock gating) and report each ratio as a range",
        };
        var output = new Option<string>("--out") { Description = "Directory for study.json, study.csv, plots and report.html", DefaultValueFactory = _ => "study" };
        var command = new Command("study", "The quantization hardware-overhead study: accuracy, cycles, energy and area of every variant x precision");
        foreach (var option in new Option[] { model, dataset, config, large, targets, firstLast, noAccuracy, qatEpochs, qatImages, trainImages, testImages, variants, reference, seeds, fixedAccumulator, sensitivity, output })
        {
            command.Options.Add(option);
        }

        command.SetAction(parsed =>
        {
            string modelName = parsed.GetValue(model)!;
            string datasetName = parsed.GetValue(dataset) ?? (modelName == "lenet5" ? "mnist" : "fashion-mnist");
            var request = new StudyAccuracyRequest(modelName, datasetName, AtLeastOne(parsed.GetValue(qatEpochs), "--qat-epochs"), AtLeastOne(parsed.GetValue(testImages), "--test-images"))
            {
                QatImages = AtLeastOne(parsed.GetValue(qatImages), "--qat-images"),
                FloatImages = AtLeastOne(parsed.GetValue(trainImages), "--train-images"),
                SizesAccumulators = !parsed.GetValue(fixedAccumulator),
            };
            string referenceForm = parsed.GetValue(reference)!;
            var forms = Forms(StudyVariant.All(datapaths), parsed.GetValue(variants), referenceForm);
            IStudyAccuracy? accuracy = null;
            if (!parsed.GetValue(noAccuracy))
            {
                accuracy = accuracyFactory?.Invoke(request)
                           ?? throw new InputException(new InputError("--no-accuracy", 0, 0, string.Empty, "this build has no accuracy source; run with --no-accuracy"));
            }

            int seedCount = parsed.GetValue(seeds);
            if (seedCount is < 1 or > 100)
            {
                throw new InputException(new InputError("--seeds", 0, 0, string.Empty, $"must be between 1 and 100, got {seedCount}"));
            }

            string edge = parsed.GetValue(firstLast)!;
            if (edge is not ("8" or "body"))
            {
                throw new InputException(new InputError("--first-last", 0, 0, edge, "allowed: 8, body"));
            }

            var search = new StudyOptions(request.Model, request.Dataset, string.Empty, string.Empty)
            {
                Seeds = seedCount,
                Reference = referenceForm,
                Targets = Targets(parsed.GetValue(targets)!),
                FirstLastAt8 = edge == "8",
                SizesAccumulators = request.SizesAccumulators,
                Budget = accuracy is null ? null : Budget(request),
            };
            return Run(console, interruption, datapaths, forms, request, parsed.GetValue(config)!, parsed.GetValue(large)!, search, accuracy, parsed.GetValue(sensitivity), parsed.GetValue(output)!);
        });
        return command;
    }

    /// <summary>The recipe's fine-tuning (<see cref="TrainingOptions.QatFor"/>) with the command line's changes.</summary>
    private static StudyBudget Budget(StudyAccuracyRequest request)
    {
        var model = Accuracy.AccuracyRequestParser.Model(request.Model);
        var recipe = TrainingOptions.QatFor(model);
        var floatRecipe = TrainingOptions.FloatFor(model);
        int? qatImages = request.QatImages ?? (request.FloatImages is int n ? Math.Min(n, recipe.TrainImages ?? n) : recipe.TrainImages);
        return request.FloatImages is int images
            ? new StudyBudget(1, images, request.QatEpochs ?? recipe.Epochs, qatImages, request.TestImages)
            : new StudyBudget(floatRecipe.Epochs, floatRecipe.TrainImages, request.QatEpochs ?? recipe.Epochs, qatImages, request.TestImages);
    }

    private static int? AtLeastOne(int? value, string option) =>
        value is < 1 ? throw new InputException(new InputError(option, 0, 0, string.Empty, $"must be at least 1, got {value}")) : value;

    /// <summary>
    /// The forms <paramref name="text"/> names (null: all), in registry order, always with the reference the
    /// headline and the equal-accuracy ratios divide by.
    /// </summary>
    public static IReadOnlyList<StudyVariant> Forms(IReadOnlyList<StudyVariant> all, string? text, string reference = StudyOptions.DefaultReference)
    {
        if (!all.Any(v => v.Label == reference))
        {
            throw new InputException(new InputError("--reference", 0, 0, reference, $"unknown study form; allowed: {string.Join(", ", all.Select(v => v.Label))}"));
        }

        // The reference is compared at equal precision and searched at equal accuracy: a quantized form without an offset.
        if (all.First(v => v.Label == reference) is { } chosen && (chosen.HasOffset || chosen.Fixed is not null))
        {
            string why = chosen.HasOffset ? "the reference is what an offset is measured against, so it must be a form without one"
                : "a float form runs at its own widths only and is never trained, so it has no point to compare at equal precision or accuracy";
            throw new InputException(new InputError("--reference", 0, 0, reference, $"{why}; allowed: {string.Join(", ", all.Where(v => !v.HasOffset && v.Fixed is null).Select(v => v.Label))}"));
        }

        if (text is null)
        {
            return all;
        }

        var wanted = new HashSet<string>(StringComparer.Ordinal) { reference };
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!all.Any(v => v.Label == part))
            {
                throw new InputException(new InputError("--variants", 0, 0, part, $"unknown study form; allowed: {string.Join(", ", all.Select(v => v.Label))}"));
            }

            wanted.Add(part);
        }

        return [.. all.Where(v => wanted.Contains(v.Label))];
    }

    /// <summary>The comma-separated targets: each a finite number of points in (0, 100], no repeats.</summary>
    public static System.Collections.Immutable.ImmutableArray<double> Targets(string text)
    {
        // none: the equal-precision comparison alone, without the equal-accuracy search (whose cells cost the most training)
        if (text.Trim() == "none")
        {
            return [];
        }

        var values = new List<double>();
        foreach (string part in text.Split(','))
        {
            if (!double.TryParse(part.Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v) || v <= 0 || v > 100)
            {
                throw new InputException(new InputError("--targets", 0, 0, part.Trim(), "each target must be a number of points above 0 and at most 100, e.g. 0.1,0.5,1,2 (or none)"));
            }

            if (values.Contains(v))
            {
                throw new InputException(new InputError("--targets", 0, 0, part.Trim(), "repeated target"));
            }

            values.Add(v);
        }

        return [.. values];
    }

    private static int Run(CliConsole console, Interruption interruption, DatapathRegistry datapaths, IReadOnlyList<StudyVariant> forms, StudyAccuracyRequest request, string configName, string largeName, StudyOptions search, IStudyAccuracy? accuracy, bool sensitivity, string outDir)
    {
        string configFile = BuiltInConfigs.Resolve(configName, "--config");
        var config = new AcceleratorConfigReader(datapaths).ReadFile(configFile);
        // The trained network itself when it is one of the accuracy models, else a zoo name or trace.
        var model = Workloads.Torch.Models.ModelArchitecture.Find(request.Model)?.ToWorkload() ?? WorkloadSource.Resolve(request.Model);
        var large = WorkloadSource.Resolve(largeName);
        var options = search with { ConfigFile = configFile, LargeWorkload = large.Name };
        var progress = new LineProgress(console.Error, "study: ");
        // From here a signal stops the study at the next point, with nothing in --out.
        var cancellation = interruption.Watch();
        var result = StudyRunner.Run(options, forms, config, model, large, accuracy, progress, cancellation);
        if (sensitivity)
        {
            result = result with { Sensitivity = SensitivityRun.Run(result, forms, config, model, large, progress, cancellation) };
        }

        var headline = new Table().AddColumns("precision", "scale-offset form", "acc vs LSQ (pts)", "paired t p", "McNemar p/seed", "LSQ eff. / SO (model)", "(large)", "PE arith.", "PE", "array", "on-chip", "largest increase");
        foreach (var h in result.Headline)
        {
            string[] cells =
            [
                h.Precision, Markup.Escape(h.Form), StudyWriter.Delta(h), StudyWriter.TP(h), StudyWriter.McNemar(h),
                h.EfficiencyRatioModel.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) + "x",
                h.EfficiencyRatioLarge.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) + "x",
                .. StudyWriter.InnerLevels(h, "\n").Split('\n'),
                Markup.Escape(h.LargestIncrease),
            ];
            headline.AddRow(cells);
        }

        console.Out.Write(headline);
        if (!result.EqualAccuracyHeadline.IsEmpty)
        {
            // The answer the study exists for: each form's cheapest point against LSQ's for the same target.
            var levels = AccountingLevels.All;
            var equal = new Table().Title("at equal accuracy (energy ratio form / LSQ on " + Markup.Escape(model.Name) + ")")
                .AddColumns(["target (pts)", "scale-offset form", "LSQ point", "form point", "acc vs LSQ (pts)", .. levels.Select(l => l.Name())]);
            foreach (var h in result.EqualAccuracyHeadline)
            {
                equal.AddRow([
                    h.TargetPoints.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(h.Form), h.LsqPrecision, h.FormPrecision,
                    h.AccuracyDeltaPoints.ToString("+0.00;-0.00;0.00", System.Globalization.CultureInfo.InvariantCulture),
                    .. h.LevelsModel.Select(l => l.EnergyRatio.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) + "x"),
                ]);
            }

            console.Out.Write(equal);
        }

        if (result.Sensitivity is { } ranges)
        {
            var table = new Table().Title($"sensitivity: form / LSQ energy on {Markup.Escape(large.Name)}, baseline (lowest..highest over {ranges.Alternatives.Count(a => a.Refused is null)} cost alternatives)")
                .AddColumns(["comparison", "scale-offset form", "LSQ point", "form point", .. AccountingLevels.All.Select(l => l.Name())]);
            foreach (var (baseline, levels) in ranges.Ranges(p => p.LevelsLarge))
            {
                string comparison = baseline.TargetPoints is double t ? $"equal accuracy {t.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} pts" : "equal precision";
                table.AddRow([comparison, Markup.Escape(baseline.Form), baseline.LsqPoint, baseline.FormPoint, .. levels.Select(l => l.ToString())]);
            }

            console.Out.Write(table);
            foreach (var (name, _, refused) in ranges.Alternatives.Where(a => a.Refused is not null))
            {
                console.Error.WriteLine($"study: sensitivity: {name} not priced: {refused}");
            }
        }

        var plots = new List<(string Title, byte[] Png)>
        {
            ("Accuracy vs energy per inference, with the Pareto front", StudyPlots.Pareto(result)),
            ($"Energy breakdown per variant ({large.Name}, w8a8)", StudyPlots.Breakdown(result)),
            ("Energy vs accuracy drop of every searched cell, targets marked", StudyPlots.EqualAccuracy(result)),
            ($"Scale-offset forms against LSQ at every accounting level ({large.Name}, w8a8)", StudyPlots.RatioPerLevel(result)),
        };
        var files = new List<(string Name, byte[] Bytes)>
        {
            ("study.json", System.Text.Encoding.UTF8.GetBytes(StudyWriter.Json(result))),
            ("study.csv", System.Text.Encoding.UTF8.GetBytes(StudyWriter.Csv(result))),
            ("headline.md", System.Text.Encoding.UTF8.GetBytes(StudyWriter.HeadlineMarkdown(result))),
            ("equal-accuracy.png", plots[2].Png),
            ("pareto.png", plots[0].Png),
            ("breakdown.png", plots[1].Png),
            ("ratio-per-level.png", plots[3].Png),
            ("report.html", System.Text.Encoding.UTF8.GetBytes(StudyHtml.Render(result, plots))),
        };
        OutputDirectory.Write(outDir, files, cancellation);
        console.Output.WriteLine($"wrote {string.Join(", ", files.Select(f => f.Name))} to {outDir}");
        return ExitCodes.Success;
    }
}
