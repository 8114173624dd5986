using QuantSim.Cli.Study;
using QuantSim.Datapaths.Contract;
using QuantSim.Workloads.Torch.Accuracy;
using QuantSim.Workloads.Torch.Statistics;
using QuantSim.Workloads.Torch.Training;

namespace QuantSim.Cli.Accuracy;

/// <summary>
/// The study's accuracy from quantized TorchSharp training and integer inference. Forms whose options
/// do not change the numerics (<see cref="DatapathOption.ChangesNumerics"/>: both scale-offset forms
/// compute identical integers, a tested property of the datapath) share one measurement; trained checkpoints (accuracy library) and scored results (<see cref="StudyAccuracyCache"/>)
/// are cached across runs.
/// </summary>
public sealed class TorchStudyAccuracy(StudyAccuracyRequest request) : IStudyAccuracy
{
    private readonly Dictionary<(string Numerics, string Precision, int Seed), AccuracyPoint> _measured = [];

    public AccuracyPoint? Measure(StudyVariant variant, StudyPrecision precision, int qatSeed, IProgress<string> progress)
    {
        var choice = DatapathChoice.Of(variant.Datapath, precision.Uniform, variant.Options) with { SizesAccumulators = request.SizesAccumulators };
        if (_measured.TryGetValue((choice.NumericsKey, precision.Label, qatSeed), out var known))
        {
            return known;
        }

        var model = AccuracyRequestParser.Model(request.Model);
        var options = new AccuracyOptions(
            model,
            AccuracyRequestParser.Dataset(request.Dataset),
            AccuracyRequestParser.Quantization(choice, model, precision.Mixed ? StudyPrecision.Edge.WeightBits : null))
        {
            TestImages = request.TestImages,
        };
        if (request.QatEpochs is int epochs)
        {
            options = options with { Qat = options.Qat with { Epochs = epochs } };
        }

        if (request.FloatImages is int floatImages)
        {
            options = options with
            {
                FloatTraining = options.FloatTraining with { Epochs = 1, TrainImages = floatImages },
                Qat = options.Qat with { TrainImages = Math.Min(floatImages, options.Qat.TrainImages ?? floatImages) },
            };
        }

        if (request.QatImages is int images)
        {
            options = options with { Qat = options.Qat with { TrainImages = images } };
        }

        // The float recipe's seed stays: every QAT seed starts from the same float checkpoint.
        options = options with { Qat = options.Qat with { Seed = qatSeed } };

        var cache = new StudyAccuracyCache(options.Cache);
        string key = StudyAccuracyCache.Key(options);
        var point = cache.TryLoad(key);
        if (point is null)
        {
            string cell = $"{variant.Label} {precision.Label} seed {qatSeed}";
            progress.Report($"{cell}: accuracy (trained checkpoints are cached)");
            var r = new AccuracyRunner().Run(options, new EpochProgressLines(progress, cell));
            point = new AccuracyPoint(r.Integer.Value, r.Integer.Lower95, r.Integer.Upper95, r.Float.Value, r.Agreement, r.IntegerCorrect);
            cache.Save(key, point);
        }

        _measured[(choice.NumericsKey, precision.Label, qatSeed)] = point;
        return point;
    }

    public double PairedPValue(AccuracyPoint a, AccuracyPoint b) => McNemarTest.Compare(a.Correct, b.Correct).PValue;
}
