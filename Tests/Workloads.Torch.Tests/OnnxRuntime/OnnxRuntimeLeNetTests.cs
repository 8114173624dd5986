using QuantSim.Datapaths.Contract;
using QuantSim.Workloads.Torch.Data;
using QuantSim.Workloads.Torch.Integer;
using QuantSim.Workloads.Torch.Models;
using QuantSim.Workloads.Torch.Training;
using static TorchSharp.torch;

namespace QuantSim.Workloads.Torch.Tests.OnnxRuntime;

/// <summary>
/// A whole integer LeNet-5 exported as a QLinear ONNX graph and scored in ONNX Runtime: with
/// <c>rounding: float32-half-even</c> every image's int32 logits equal the integer path's. No training
/// (seeded random weights, quantizers calibrated on real images), so it runs in CI; the trained network's
/// figures come from <see cref="OnnxRuntimeLeNetMeasurement"/>.
/// </summary>
public sealed class OnnxRuntimeLeNetTests
{
    [TestCase("lsq")]
    [TestCase("per-channel")]
    public void Should_reproduce_onnx_runtimes_logits_exactly_with_float32_half_even_rounding(string variant)
    {
        // Given an untrained LeNet-5 quantized at w8a8 and exported from its integer model.
        ImageSet images = new DatasetLoader(DataCache.Default()).Load(DatasetName.Mnist).Test.Take(300);
        using var network = new QuantizedNetwork(ModelArchitecture.LeNet5, seed: 5);
        using (Tensor calibration = images.ImagesTensor(0, 64))
        {
            network.EnableQuantization(Variants.Config(variant, 8), calibration);
        }

        network.UseDoublePrecision();
        IntegerModel model = IntegerExporter.Export(network);

        // When ONNX Runtime and the integer path score the same codes.
        var agreement = OnnxRuntimeAgreement.Measure(model, images, RoundingOption.Float32HalfEven);
        TestContext.Out.WriteLine($"{variant}: {agreement}");

        // Then every image's logits are identical.
        Assert.That(agreement.IdenticalLogits, Is.EqualTo(images.Count), agreement.ToString());
    }
}
