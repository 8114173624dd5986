using System.CommandLine;
using System.Globalization;
using QuantSim.Cli.Accuracy;
using QuantSim.Cli.Reports;
using QuantSim.Cli.Catalog;
using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Float;
using QuantSim.Datapaths.Numerics;
using QuantSim.Input;
using QuantSim.Simulator.Config;
using QuantSim.Workloads.Layers;
using QuantSim.Workloads.Torch.Accuracy;
using QuantSim.Workloads.Torch.Data;
using QuantSim.Workloads.Torch.Training;
using Spectre.Console;

namespace QuantSim.Cli.Commands;

/// <summary>
/// <c>quantsim accuracy</c>: train (or load the cached checkpoint of) a float model, quantize it for one
/// datapath choice (QAT or PTQ), and score the test set through integer inference on that choice's
/// kernels. With <c>--config</c> the choice is the config's own datapath (variant, options, precision and
/// accumulator width): exactly what <c>simulate</c> prices for that config.
/// </summary>
public static class AccuracyCommand
{
    public static Command Create(CliConsole console, DatapathRegistry datapaths)
    {
        var model = new Option<string>("--model") { Description = "lenet5, small-cnn, resnet20-fmnist or mobilenet-hswish", DefaultValueFactory = _ => "lenet5" };
        var dataset = new Option<string>("--dataset") { Description = "mnist or fashion-mnist", DefaultValueFactory = _ => "mnist" };
        var config = new Option<string?>("--config") { Description = "Score the datapath of this accelerator config (built-in name or YAML path): its variant, options, precision and accumulator" };
        var datapath = new Option<string?>("--datapath") { Description = "Quantization variant KIND[:KEY=VALUE,...] (quantsim list datapaths; default lsq, or the config's)" };
        var precision = new Option<string?>("--precision") { Description = "Bits of every layer, e.g. w8a8, w4a4, w4a4acc16 (default w8a8, or the config's)" };
        var edge = new Option<int?>("--first-last-bits") { Description = "Bits of the first and last layers (default: as --precision)" };
        var layerBits = new Option<string?>("--layer-bits")
        {
            Description = "QuantSim trace (Workloads/TRACES.md) giving every layer its bits, e.g. Workloads/examples/lenet5-mixed.csv; replaces --precision",
        };
        var qatEpochs = new Option<int?>("--qat-epochs") { Description = "Quantization-aware training passes (default: the model's recipe, 1)" };
        var qatImages = new Option<int?>("--qat-images") { Description = "Fine-tune on the first N training images (default: the model's recipe; lenet5 and small-cnn 4,000, the batch-norm networks 16,000)" };
        var qatLearningRate = new Option<double?>("--qat-lr") { Description = "Initial learning rate of the fine-tuning's cosine schedule (default: the model's recipe; 0.01, or 0.001 for the batch-norm networks)" };
        var trainImages = new Option<int?>("--train-images")
        {
            Description = "Smoke run: one float epoch and the fine-tuning over the first N training images only (figures are then not the recipe's)",
        };
        var ptq = new Option<bool>("--ptq") { Description = "Post-training quantization only: calibrate, no QAT" };
        var testImages = new Option<int?>("--test-images") { Description = "Score the first N test images (default: all)" };
        var output = new Option<string?>("--out") { Description = "Directory for accuracy.json" };
        var seed = new Option<int?>("--seed") { Description = "Seed of the float network's initialization and shuffle, and of the fine-tuning unless --qat-seed (default 1; another seed trains another float network)" };
        var qatSeed = new Option<int?>("--qat-seed")
        {
            Description = "Seed of the quantization-aware fine-tuning alone: its shuffle and which training images calibrate the quantizers (default: --seed); the float checkpoint is reused",
        };
        var floatOnly = new Option<bool>("--float-only") { Description = "Train (resuming from saved epochs) or load the float network and print its top-1 only" };
        var log = new Option<string?>("--log") { Description = "Append a progress line (stage, epoch, images, loss, elapsed) to this file every 20 batches" };
        var command = new Command("accuracy", "Top-1 accuracy of a quantization variant at a precision, from integer inference on the real test set");
        foreach (var option in new Option[] { model, dataset, config, datapath, precision, edge, layerBits, qatEpochs, qatImages, qatLearningRate, trainImages, ptq, testImages, output, floatOnly, log, seed, qatSeed })
        {
            command.Options.Add(option);
        }

        command.SetAction(parsed =>
        {
            TorchRuntime.EnsureAvailable("accuracy");
            var architecture = AccuracyRequestParser.Model(parsed.GetValue(model)!);
            var choice = Choice(datapaths, parsed.GetValue(config), parsed.GetValue(datapath), parsed.GetValue(precision));
            // The float baseline is scored in its operand format (fp16, bf16); every other choice's float network in fp32.
            FloatFormat? baselineFormat = choice.Datapath is FloatDatapath ? FloatDatapath.OperandFormat(choice.Settings) : null;
            if (!parsed.GetValue(floatOnly) && baselineFormat is not null)
            {
                // Integer inference runs on codes between layers (ReLU, pooling, residual adds on integers); a float
                // baseline would need all of them on float patterns. Its accuracy is the float network's.
                throw new InputException(new InputError(parsed.GetValue(datapath) is null ? "--config" : "--datapath", 0, 0, choice.Label,
                    "the floating-point datapath quantizes nothing and has no integer inference here; score the float network in its format with --float-only"));
            }

            if (parsed.GetValue(layerBits) is { } trace && parsed.GetValue(edge) is not null)
            {
                throw new InputException(new InputError("--layer-bits", 0, 0, trace, "the trace gives every layer its bits; leave out --first-last-bits"));
            }

            var quantization = parsed.GetValue(layerBits) is { } tracePath
                ? AccuracyRequestParser.Quantization(choice, architecture, tracePath)
                : AccuracyRequestParser.Quantization(choice, architecture, parsed.GetValue(edge));
            string? configFile = parsed.GetValue(config) is { } configName ? BuiltInConfigs.Resolve(configName, "--config") : null;
            AccumulatorWarnings.Write(console, AccumulatorWarnings.For(
                choice, architecture.ToWorkload(), quantization.BitsFor(architecture), parsed.GetValue(layerBits), configFile));
            var options = new AccuracyOptions(architecture, AccuracyRequestParser.Dataset(parsed.GetValue(dataset)!), quantization)
            {
                PostTrainingOnly = parsed.GetValue(ptq),
                TestImages = parsed.GetValue(testImages),
            };
            if (parsed.GetValue(qatEpochs) is int epochs)
            {
                if (epochs < 1)
                {
                    throw new InputException(new InputError("--qat-epochs", 0, 0, string.Empty, $"must be at least 1, got {epochs}"));
                }

                options = options with { Qat = options.Qat with { Epochs = epochs } };
            }

            if (parsed.GetValue(qatImages) is int qatCount)
            {
                if (qatCount < 1)
                {
                    throw new InputException(new InputError("--qat-images", 0, 0, string.Empty, $"must be at least 1, got {qatCount}"));
                }

                options = options with { Qat = options.Qat with { TrainImages = qatCount } };
            }

            if (parsed.GetValue(qatLearningRate) is double rate)
            {
                if (!(rate > 0 && double.IsFinite(rate)))
                {
                    throw new InputException(new InputError("--qat-lr", 0, 0, string.Empty, string.Create(CultureInfo.InvariantCulture, $"must be a positive number, got {rate}")));
                }

                options = options with { Qat = options.Qat with { LearningRate = rate } };
            }

            if (parsed.GetValue(seed) is int s)
            {
                options = options with { FloatTraining = options.FloatTraining with { Seed = s }, Qat = options.Qat with { Seed = s } };
            }

            if (parsed.GetValue(qatSeed) is int q)
            {
                options = options with { Qat = options.Qat with { Seed = q } };
            }

            if (parsed.GetValue(trainImages) is int images)
            {
                if (images < 1)
                {
                    throw new InputException(new InputError("--train-images", 0, 0, string.Empty, $"must be at least 1, got {images}"));
                }

                options = options with
                {
                    FloatTraining = options.FloatTraining with { Epochs = 1, TrainImages = images },
                    Qat = options.Qat with { TrainImages = Math.Min(images, options.Qat.TrainImages ?? images) },
                };
            }

            string? logPath = parsed.GetValue(log);
            if (parsed.GetValue(floatOnly))
            {
                var runner = new AccuracyRunner();
                var format = baselineFormat ?? FloatFormat.Fp32;
                var (top1, key, trained) = runner.RunFloat(options, ProgressLog.To(logPath), format);
                console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"float {architecture.Name} on {options.Dataset.CliName()} in {format}: top-1 {top1.Value * 100:0.00} % ({top1.Lower95 * 100:0.00} .. {top1.Upper95 * 100:0.00}), checkpoint {key}, {trained} images trained now"));
                return ExitCodes.Success;
            }

            var result = logPath is null ? Run(console, options) : new AccuracyRunner().Run(options, ProgressLog.To(logPath));
            Print(console, result);
            if (parsed.GetValue(output) is { } dir)
            {
                OutputDirectory.Write(dir, [("accuracy.json", AccuracyJsonWriter.Render(result))]);
                console.Output.WriteLine($"wrote accuracy.json to {dir}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// The datapath to score: the config's (when given), with <c>--datapath</c> replacing its variant and
    /// <c>--precision</c> its precision; without a config, lsq at w8a8 unless told otherwise.
    /// </summary>
    public static DatapathChoice Choice(DatapathRegistry datapaths, string? configName, string? datapathText, string? precisionText)
    {
        DatapathChoice? fromConfig = null;
        if (configName is not null)
        {
            string file = BuiltInConfigs.Resolve(configName, "--config");
            fromConfig = new AcceleratorConfigReader(datapaths).ReadFile(file).Datapath;
        }

        var precision = precisionText is not null ? AccuracyRequestParser.Precision(precisionText) : fromConfig?.Precision ?? Precision.W8A8;
        if (datapathText is not null || fromConfig is null)
        {
            // --datapath replaces the config's variant; its accumulator rule (auto or a width) stays the config's.
            return DatapathArgument.Resolve(datapathText ?? DefaultDatapath, datapaths, precision, precisionOption: precisionText is null ? null : "--precision")
                with { SizesAccumulators = fromConfig?.SizesAccumulators ?? false };
        }

        var problems = new List<DatapathProblem>();
        return fromConfig.TryWith(precision, problems)
               ?? throw new InputException([.. problems.Select(p => new InputError("--precision", 0, 0, p.Field, p.Message))]);
    }

    public const string DefaultDatapath = "lsq";

    /// <summary>Runs with a progress bar when a person is watching, silently otherwise.</summary>
    public static AccuracyResult Run(CliConsole console, AccuracyOptions options)
    {
        var runner = new AccuracyRunner();
        if (!console.Interactive)
        {
            return runner.Run(options);
        }

        return console.Out.Progress().Start(ctx =>
        {
            var tasks = new Dictionary<string, ProgressTask>();
            var progress = new Progress<TrainingProgress>(p =>
            {
                if (!tasks.TryGetValue(p.Stage, out var task))
                {
                    tasks[p.Stage] = task = ctx.AddTask(p.Stage, maxValue: Math.Max(1, (double)p.Epochs * p.ImagesPerEpoch));
                }

                task.Value = (double)(p.Epoch - 1) * p.ImagesPerEpoch + p.ImagesDone;
            });
            return runner.Run(options, progress);
        });
    }

    private static void Print(CliConsole console, AccuracyResult r)
    {
        string Pct(double v) => (v * 100).ToString("0.00", CultureInfo.InvariantCulture);
        var table = new Table().AddColumns("", "top-1 %", "95 % CI");
        table.AddRow("float", Pct(r.Float.Value), $"{Pct(r.Float.Lower95)} .. {Pct(r.Float.Upper95)}");
        table.AddRow("fake-quantized (TorchSharp)", Pct(r.FakeQuantized.Value), $"{Pct(r.FakeQuantized.Lower95)} .. {Pct(r.FakeQuantized.Upper95)}");
        table.AddRow($"integer ({Markup.Escape(r.Variant)} {r.Precision})", Pct(r.Integer.Value), $"{Pct(r.Integer.Lower95)} .. {Pct(r.Integer.Upper95)}");
        console.Out.Write(table);
        console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"integer vs fake-quantized agreement {r.Agreement * 100:0.00} % ({r.Disagreements} images differ); integer vs float McNemar p = {r.IntegerVersusFloat.PValue:0.0000}"));
    }
}
