using QuantSim.Workloads.Torch.Data;
using QuantSim.Workloads.Torch.Integer;
using QuantSim.Workloads.Torch.Models;
using QuantSim.Workloads.Torch.Quantization;
using QuantSim.Workloads.Torch.Training;
using static TorchSharp.torch;

namespace QuantSim.Workloads.Torch.Tests.Integer;

/// <summary>
/// The integer datapath against the second implementation of the same numbers: TorchSharp's
/// fake-quantized float network. No training: seeded random weights, quantizers calibrated on real images.
/// </summary>
public sealed class IntegerInferenceTests
{
    private static ImageSet _images = null!;

    [OneTimeSetUp]
    public void LoadImages() => _images = new DatasetLoader(DataCache.Default()).Load(DatasetName.Mnist).Test.Take(300);

    private static QuantizedNetwork Quantized(QuantVariant variant, int bits)
    {
        var network = new QuantizedNetwork(ModelArchitecture.LeNet5, seed: 3);
        using Tensor calibration = _images.ImagesTensor(0, 64);
        network.EnableQuantization(new QuantizationConfig(variant, bits, bits) { FirstLastBits = null }, calibration);
        network.eval();
        return network;
    }

    [Test]
    public void Should_Reproduce_Fixed_Point_Logits_Exactly()
    {
        // Given power-of-two scales, every fake-quantized value is an integer times a power of two and every
        // partial sum stays far below 2^53, so TorchSharp's float64 scoring arithmetic is exact: its logits must equal the
        // integer accumulators times s_in·s_w, and every requantization is the same rounding shift.
        using QuantizedNetwork network = Quantized(QuantVariant.FixedPoint, 8);
        IntegerModel model = IntegerExporter.Export(network);

        double[] torchLogits;
        using (no_grad())
        using (Tensor logits = network.forward(_images.ImagesTensor(0, 50)))
        {
            torchLogits = logits.data<double>().ToArray();
        }

        for (int n = 0; n < 50; n++)
        {
            int[] codes = model.QuantizeImage(_images.Pixels.AsSpan(n * 784, 784));
            int[] acc = IntegerInference.Logits(model, codes);
            for (int c = 0; c < 10; c++)
            {
                Assert.That(acc[c] * model.Layers[^1].LogitScale[c], Is.EqualTo(torchLogits[n * 10 + c]), $"image {n}, class {c}");
            }
        }
    }

    [TestCase(QuantVariant.Lsq, 4)]
    [TestCase(QuantVariant.PerChannel, 4)]
    [TestCase(QuantVariant.ScaleOffset, 4)]
    [TestCase(QuantVariant.Lsq, 8)]
    public void Should_Predict_The_Same_Class_As_Fake_Quantization(QuantVariant variant, int bits)
    {
        // Given arbitrary real scales, the integer path rounds with a Q0.31 multiplier where TorchSharp divides
        // in float32; the two may differ only where a value sits on a rounding boundary.
        using QuantizedNetwork network = Quantized(variant, bits);
        IntegerModel model = IntegerExporter.Export(network);

        int[] fake = Trainer.Predict(network, _images);
        int[] integer = IntegerInference.Predict(model, _images);

        int agree = fake.Zip(integer).Count(p => p.First == p.Second);
        Assert.That(agree, Is.GreaterThanOrEqualTo(297), "at least 99 % of 300 images");
    }
}
