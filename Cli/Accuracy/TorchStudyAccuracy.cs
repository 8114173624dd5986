using QuantSim.Cli.Study;
using QuantSim.Workloads.Torch.Accuracy;
using QuantSim.Workloads.Torch.Statistics;
using QuantSim.Workloads.Torch.Training;

namespace QuantSim.Cli.Accuracy;

/// <summary>
/// The study's accuracy from quantized TorchSharp training and integer inference. Both scale-offset
/// forms compute identical integers (a tested property of the datapath), so one measurement serves
/// both; trained checkpoints are cached across runs by the accuracy library.
/// </summary>
public sealed class TorchStudyAccuracy(StudyAccuracyRequest request) : IStudyAccuracy
{
    private readonly Dictionary<(string Kind, string Precision), AccuracyPoint> _measured = [];

    public AccuracyPoint? Measure(StudyVariant variant, StudyPrecision precision, IProgress<string> progress)
    {
        if (_measured.TryGetValue((variant.Kind, precision.Label), out var known))
        {
            return known;
        }

        var model = AccuracyRequestParser.Model(request.Model);
        var options = new AccuracyOptions(
            model,
            AccuracyRequestParser.Dataset(request.Dataset),
            AccuracyRequestParser.Quantization(AccuracyRequestParser.Variant(variant.Kind), model, precision.Uniform, precision.Mixed ? StudyPrecision.Edge.WeightBits : null))
        {
            TestImages = request.TestImages,
        };
        if (request.QatEpochs is int epochs)
        {
            options = options with { Qat = TrainingOptions.QatDefault with { Epochs = epochs } };
        }

        progress.Report($"{variant.Label} {precision.Label}: accuracy (training is cached)");
        var r = new AccuracyRunner().Run(options);
        var point = new AccuracyPoint(r.Integer.Value, r.Integer.Lower95, r.Integer.Upper95, r.Float.Value, r.Agreement, r.IntegerCorrect);
        _measured[(variant.Kind, precision.Label)] = point;
        return point;
    }

    public double PairedPValue(AccuracyPoint a, AccuracyPoint b) => McNemarTest.Compare(a.Correct, b.Correct).PValue;
}
