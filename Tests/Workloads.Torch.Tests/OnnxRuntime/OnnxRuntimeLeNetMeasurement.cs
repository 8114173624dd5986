using QuantSim.Datapaths.Contract;
using QuantSim.Workloads.Torch.Accuracy;
using QuantSim.Workloads.Torch.Data;
using QuantSim.Workloads.Torch.Integer;
using QuantSim.Workloads.Torch.Models;
using QuantSim.Workloads.Torch.Training;
using static TorchSharp.torch;

namespace QuantSim.Workloads.Torch.Tests.OnnxRuntime;

/// <summary>
/// The figures of docs/accuracy/README.md ("ONNX Runtime agreement"): the trained LeNet-5 (the accuracy
/// runner's default float checkpoint and w8a8 QAT recipe, from the checkpoint cache; QAT runs on the first
/// call) exported as a QLinear ONNX graph, the 10,000 MNIST test images scored in ONNX Runtime and on the
/// integer path in both rounding modes. Not part of CI:
/// <c>dotnet test Tests/Workloads.Torch.Tests --filter "FullyQualifiedName~OnnxRuntimeLeNetMeasurement" --logger "console;verbosity=detailed"</c>.
/// </summary>
[Explicit("scores 10,000 images twice per variant; trains when the checkpoint is not cached")]
public sealed class OnnxRuntimeLeNetMeasurement
{
    [TestCase("lsq")]
    [TestCase("per-channel")]
    public void Measure(string variant)
    {
        var options = new AccuracyOptions(ModelArchitecture.LeNet5, DatasetName.Mnist, Variants.Config(variant, 8));
        IntegerModel model = Trained(options);
        ImageSet test = new AccuracyRunner().LoadDataset(options).Test;
        foreach (string rounding in new[] { RoundingOption.FixedPoint, RoundingOption.Float32HalfEven })
        {
            var agreement = OnnxRuntimeAgreement.Measure(model, test, rounding);
            TestContext.Out.WriteLine($"{variant} w8a8 QAT, rounding {rounding}: {agreement}");
            if (rounding == RoundingOption.Float32HalfEven)
            {
                Assert.That(agreement.IdenticalLogits, Is.EqualTo(test.Count), agreement.ToString());
            }
        }
    }

    /// <summary>The integer model <see cref="AccuracyRunner.Run"/> scores, from the same checkpoints (same keys).</summary>
    private static IntegerModel Trained(AccuracyOptions options)
    {
        var runner = new AccuracyRunner();
        var (train, _) = runner.LoadDataset(options);
        var store = new CheckpointStore(options.Cache);
        using QuantizedNetwork floatNet = new(options.Model, options.FloatTraining.Seed);
        string floatKey = AccuracyRunner.FloatKey(options);
        if (!store.TryLoad(floatNet, floatKey))
        {
            Trainer.Train(floatNet, train, options.FloatTraining, sgd: false, "float training", null, default, store.Epochs(floatKey, options.FloatTraining.Epochs));
            store.Save(floatNet, floatKey);
        }

        using QuantizedNetwork quantNet = new(options.Model, options.FloatTraining.Seed);
        quantNet.CopyFloatFrom(floatNet);
        using (Tensor calibration = train.ImagesTensor(0, Math.Min(options.CalibrationImages, train.Count)))
        {
            quantNet.EnableQuantization(options.Quantization, calibration);
        }

        string quantKey = AccuracyRunner.QuantizedKey(options, floatKey);
        if (!store.TryLoad(quantNet, quantKey))
        {
            Trainer.Train(quantNet, train, options.Qat, sgd: true, "quantization-aware training", null, default);
            store.Save(quantNet, quantKey);
        }

        quantNet.UseDoublePrecision();
        return IntegerExporter.Export(quantNet);
    }
}
