using QuantSim.Datapaths.Numerics;
using System.Collections.Immutable;
using System.Globalization;
using QuantSim.Workloads.Torch.Data;
using QuantSim.Workloads.Torch.Integer;
using QuantSim.Workloads.Torch.Models;
using QuantSim.Workloads.Torch.Quantization;
using QuantSim.Workloads.Torch.Statistics;
using QuantSim.Workloads.Torch.Training;
using static TorchSharp.torch;

namespace QuantSim.Workloads.Torch.Accuracy;

/// <summary>
/// The accuracy pipeline: load the dataset, get the float network (cached or trained), quantize it
/// (cached, or calibrated and fine-tuned), score TorchSharp's fake-quantized predictions, export the
/// integer model and score it on the integer datapath. Library code: no console, progress through
/// <see cref="IProgress{T}"/>.
/// </summary>
public sealed class AccuracyRunner
{
    /// <summary>Bump when scoring (integer inference, fake-quantized prediction) changes its results.</summary>
    public const string ScoringVersion = "quantsim-scoring-v2";

    private readonly Dictionary<DatasetName, (ImageSet Train, ImageSet Test)> _datasets = [];

    /// <summary>Runs one measurement.</summary>
    public AccuracyResult Run(AccuracyOptions options, IProgress<TrainingProgress>? progress = null, CancellationToken cancel = default)
    {
        if (options.Quantization.Problems(options.Model).FirstOrDefault() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        set_num_threads(options.Threads);
        var (train, fullTest) = LoadDataset(options, cancel);
        ImageSet test = options.TestImages is int n ? fullTest.Take(n) : fullTest;
        var store = new CheckpointStore(options.CheckpointCache ?? options.Cache);

        using QuantizedNetwork floatNet = new(options.Model, options.FloatTraining.Seed);
        string floatKey = FloatKey(options);
        long floatImages = LoadOrTrainFloat(floatNet, floatKey, store, train, options, progress, cancel);

        int[] floatPredictions = Trainer.Predict(floatNet, test);

        using QuantizedNetwork quantNet = new(options.Model, options.FloatTraining.Seed);
        quantNet.CopyFloatFrom(floatNet);
        var (calibration, calibrationLabels) = train.Batch(CalibrationIndices(options, train.Count));
        using (calibration)
        using (calibrationLabels)
        {
            quantNet.EnableQuantization(options.Quantization, calibration);
        }

        string quantKey = QuantizedKey(options, floatKey);
        long qatImages = 0;
        if (!store.TryLoad(quantNet, quantKey))
        {
            if (!options.PostTrainingOnly)
            {
                qatImages = Trainer.Train(quantNet, train, options.Qat, sgd: true, "quantization-aware training", progress, cancel);
            }

            store.Save(quantNet, quantKey);
        }

        quantNet.UseDoublePrecision();
        int[] fakePredictions = Trainer.Predict(quantNet, test);
        IntegerModel integerModel = IntegerExporter.Export(quantNet);
        progress?.Report(new TrainingProgress("integer inference", 1, 1, 0, test.Count, double.NaN));
        int[] integerPredictions = new IntegerInference(integerModel).Predict(test, options.Threads);
        progress?.Report(new TrainingProgress("integer inference", 1, 1, test.Count, test.Count, double.NaN));

        int disagreements = fakePredictions.Zip(integerPredictions).Count(p => p.First != p.Second);
        ImmutableArray<bool> floatCorrect = Correct(floatPredictions, test.Labels);
        ImmutableArray<bool> integerCorrect = Correct(integerPredictions, test.Labels);
        return new AccuracyResult(
            options.Model.Name,
            options.Dataset.CliName(),
            options.Quantization.Datapath.Label,
            options.Quantization.PrecisionName,
            quantNet.Bits,
            options.PostTrainingOnly,
            Top1Accuracy.Of(floatPredictions, test.Labels),
            Top1Accuracy.Of(fakePredictions, test.Labels),
            Top1Accuracy.Of(integerPredictions, test.Labels),
            1 - disagreements / (double)test.Count,
            disagreements,
            McNemarTest.Compare(floatCorrect, integerCorrect),
            floatKey,
            quantKey)
        {
            FloatCorrect = floatCorrect,
            IntegerCorrect = integerCorrect,
            FloatImagesTrained = floatImages,
            QatImagesTrained = qatImages,
        };
    }

    /// <summary>
    /// Only the float network: trained (resuming from its saved epochs) or loaded from its checkpoint, then
    /// scored on the test set. The checkpoint is the one <see cref="Run"/> starts every quantization from.
    /// </summary>
    /// <param name="options">What to train or load and score.</param>
    /// <param name="progress">Training progress, when it trains.</param>
    /// <param name="format">
    /// The format the trained network is scored in: fp32 (as trained), or fp16 / bf16, the float baseline's
    /// operands (batch norms folded, every op in that format by libtorch's CPU kernels, in their summation order).
    /// </param>
    /// <param name="cancel">Stops training between steps.</param>
    public (Top1Accuracy Float, string FloatKey, long ImagesTrained) RunFloat(
        AccuracyOptions options, IProgress<TrainingProgress>? progress = null, FloatFormat? format = null, CancellationToken cancel = default)
    {
        set_num_threads(options.Threads);
        var (train, fullTest) = LoadDataset(options, cancel);
        ImageSet test = options.TestImages is int n ? fullTest.Take(n) : fullTest;
        var store = new CheckpointStore(options.CheckpointCache ?? options.Cache);
        using QuantizedNetwork floatNet = new(options.Model, options.FloatTraining.Seed);
        string floatKey = FloatKey(options);
        long images = LoadOrTrainFloat(floatNet, floatKey, store, train, options, progress, cancel);
        if (format is not null && format != FloatFormat.Fp32)
        {
            floatNet.UseComputeType(format == FloatFormat.Fp16 ? ScalarType.Float16 : format == FloatFormat.Bf16 ? ScalarType.BFloat16
                : throw new ArgumentOutOfRangeException(nameof(format), format, "fp32, fp16 or bf16"));
        }

        return (Top1Accuracy.Of(Trainer.Predict(floatNet, test), test.Labels), floatKey, images);
    }

    /// <summary>Loads the float checkpoint, or trains it (resuming from its saved epochs) and saves it; returns the images trained now.</summary>
    private static long LoadOrTrainFloat(QuantizedNetwork floatNet, string floatKey, CheckpointStore store, ImageSet train, AccuracyOptions options,
        IProgress<TrainingProgress>? progress, CancellationToken cancel)
    {
        if (store.TryLoad(floatNet, floatKey))
        {
            return 0;
        }

        var epochs = store.Epochs(floatKey, options.FloatTraining.Epochs);
        long images = Trainer.Train(floatNet, train, options.FloatTraining, sgd: false, "float training", progress, cancel, epochs);
        store.Save(floatNet, floatKey);
        epochs.Clear();
        return images;
    }

    /// <summary>The dataset's train and test sets, loaded once per runner.</summary>
    public (ImageSet Train, ImageSet Test) LoadDataset(AccuracyOptions options, CancellationToken cancel = default)
    {
        if (!_datasets.TryGetValue(options.Dataset, out var sets))
        {
            sets = new DatasetLoader(options.Cache).Load(options.Dataset, cancel);
            _datasets[options.Dataset] = sets;
        }

        return sets;
    }

    /// <summary>
    /// The training images that initialize the quantizers: the first <see cref="AccuracyOptions.CalibrationImages"/>
    /// of the fine-tuning's first-epoch shuffle, so the QAT seed (not the float seed) decides them, and a
    /// seed's calibration images are the first ones its fine-tuning sees.
    /// </summary>
    public static int[] CalibrationIndices(AccuracyOptions options, int trainCount)
    {
        int pool = Math.Min(options.Qat.TrainImages ?? trainCount, trainCount);
        return Trainer.FirstEpochOrder(pool, options.Qat.Seed)[..Math.Min(options.CalibrationImages, pool)];
    }

    /// <summary>Checkpoint key of the float network: architecture, dataset bytes, training options.</summary>
    public static string FloatKey(AccuracyOptions options) => CheckpointStore.Key(CheckpointStore.FloatCodeVersion, string.Join('\n',
        "float", CheckpointStore.Describe(options.Model), options.Dataset.Package().Integrity, options.FloatTraining.Fingerprint()));

    /// <summary>Checkpoint key of the quantized network: the float key plus quantization and fine-tuning.</summary>
    public static string QuantizedKey(AccuracyOptions options, string floatKey) => CheckpointStore.Key(CheckpointStore.QuantizedCodeVersion, string.Join('\n',
        "quantized", floatKey, options.Quantization.Fingerprint(),
        options.PostTrainingOnly ? "ptq" : "qat " + options.Qat.Fingerprint(),
        // Calibration images come from the QAT seed's shuffle of the fine-tuning images (PTQ included).
        "calibration " + options.CalibrationImages.ToString(CultureInfo.InvariantCulture) + " from the shuffle of "
            + (options.Qat.TrainImages?.ToString(CultureInfo.InvariantCulture) ?? "all") + " images, qat seed " + options.Qat.Seed.ToString(CultureInfo.InvariantCulture)));

    private static ImmutableArray<bool> Correct(int[] predictions, byte[] labels) =>
        [.. predictions.Select((p, i) => p == labels[i])];
}
