using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Numerics;
using QuantSim.Datapaths.ScaleOffset;
using QuantSim.Workloads.Layers;
using QuantSim.Workloads.Torch.Data;
using QuantSim.Workloads.Torch.Integer;
using QuantSim.Workloads.Torch.Models;
using QuantSim.Workloads.Torch.Quantization;
using QuantSim.Workloads.Torch.Training;
using static TorchSharp.torch;

namespace QuantSim.Workloads.Torch.Tests.Integer;

/// <summary>
/// Integer inference on the plug-in kernels against two independent computations of the same numbers:
/// TorchSharp's fake-quantized network and a plain reference implementation of the integer network.
/// No training: seeded random weights, quantizers calibrated on real images.
/// </summary>
public sealed class IntegerInferenceTests
{
    private static ImageSet _images = null!;

    [OneTimeSetUp]
    public void LoadImages() => _images = new DatasetLoader(DataCache.Default()).Load(DatasetName.Mnist).Test.Take(300);

    private static QuantizedNetwork Quantized(string variant, int bits, int? firstLast = null)
    {
        var network = new QuantizedNetwork(ModelArchitecture.LeNet5, seed: 3);
        using Tensor calibration = _images.ImagesTensor(0, 64);
        network.EnableQuantization(Variants.Config(variant, bits) with { FirstLastBits = firstLast }, calibration);
        network.eval();
        return network;
    }

    [Test]
    public void Should_Reproduce_Fixed_Point_Logits_Exactly()
    {
        // Given power-of-two scales, every fake-quantized value is an integer times a power of two and every
        // partial sum stays far below 2^53, so TorchSharp's float64 scoring arithmetic is exact: its logits must
        // equal the plug-in kernel's int32 accumulators times s_in·s_w, and every requantization is the same
        // rounding shift.
        using QuantizedNetwork network = Quantized("fixed-point", 8);
        IntegerModel model = IntegerExporter.Export(network);
        var inference = new IntegerInference(model);

        double[] torchLogits;
        using (no_grad())
        using (Tensor logits = network.forward(_images.ImagesTensor(0, 50)))
        {
            torchLogits = logits.data<double>().ToArray();
        }

        for (int n = 0; n < 50; n++)
        {
            int[] acc = inference.Logits(model.QuantizeImage(_images.Pixels.AsSpan(n * 784, 784)));
            for (int c = 0; c < 10; c++)
            {
                Assert.That(acc[c] * model.Layers[^1].AccumulatorScale(c), Is.EqualTo(torchLogits[n * 10 + c]), $"image {n}, class {c}");
            }
        }
    }

    [TestCase("fixed-point", 4)]
    [TestCase("lsq", 4)]
    [TestCase("per-channel", 4)]
    [TestCase("scale-offset", 4)]
    [TestCase("mixed-precision", 4)]
    [TestCase("lsq", 8)]
    [TestCase("scale-offset", 2)]
    public void Should_Predict_The_Same_Class_As_Fake_Quantization(string variant, int bits)
    {
        // Given a network with 8-bit first and last layers around lower-precision ones (so kernels chain
        // across precisions). TorchSharp scores in float64, where each layer's sum of integer-valued products
        // is exact; only the Q0.31 approximation of a rescale factor (relative error ≤ 2^-31) can move a value
        // that sits on a rounding boundary.
        using QuantizedNetwork network = Quantized(variant, bits, firstLast: 8);
        IntegerModel model = IntegerExporter.Export(network);

        int[] fake = Trainer.Predict(network, _images);
        int[] integer = new IntegerInference(model).Predict(_images, maxParallelism: 2);

        Assert.That(fake.Zip(integer).Count(p => p.First == p.Second), Is.GreaterThanOrEqualTo(299), "at least 299 of 300 images");
    }

    [TestCaseSource(typeof(Variants), nameof(Variants.All))]
    public void Should_Equal_The_Reference_Integer_Network_Logit_For_Logit(string variant)
    {
        // Given w4a4 inner layers between 8-bit first and last layers
        using QuantizedNetwork network = Quantized(variant, 4, firstLast: 8);
        IntegerModel model = IntegerExporter.Export(network);
        var inference = new IntegerInference(model);

        // When the plug-in kernels and the plain reference run the same input codes
        // Then every int32 logit is identical
        for (int n = 0; n < 40; n++)
        {
            int[] codes = model.QuantizeImage(_images.Pixels.AsSpan(n * 784, 784));
            Assert.That(inference.Logits(codes), Is.EqualTo(ReferenceIntegerNetwork.Logits(model, codes)), $"image {n}");
        }
    }

    [TestCaseSource(typeof(Variants), nameof(Variants.All))]
    public void Should_Export_The_Codes_The_Fake_Quantized_Forward_Pass_Uses(string variant)
    {
        // Given the exporter quantizes with the plug-in's QuantizationScheme and the forward pass with tensors
        using QuantizedNetwork network = Quantized(variant, 3, firstLast: 8);
        IntegerModel model = IntegerExporter.Export(network);

        // Then both give the same weight and bias codes in every layer, and the plug-in's quantizer shapes
        Assert.Multiple(() =>
        {
            for (int i = 0; i < model.Layers.Length; i++)
            {
                IntegerLayer layer = model.Layers[i];
                Assert.That(layer.Weights, Is.EqualTo(network.WeightCodes(i).Codes), $"{layer.Spec.Name} weights");
                Assert.That(layer.Quantization.Bias, Is.EqualTo(network.BiasCodes(i)), $"{layer.Spec.Name} bias");
                Assert.That(layer.Quantization.Input.Spec, Is.EqualTo(network.ActivationQuantizer(i).Spec), $"{layer.Spec.Name} input spec");
                Assert.That(layer.Quantization.Weights.Spec, Is.EqualTo(network.WeightQuantizer(i).Spec), $"{layer.Spec.Name} weight spec");
            }
        });
    }

    [TestCase(8)]
    [TestCase(4)]
    public void Should_Give_The_Kernels_Logits_On_The_Fast_Path_With_Auto_Sized_Wide_Accumulators(int bits)
    {
        // Given LeNet-5 on the dequantize-in-pe form at D = 16 with accumulator_bits: auto (every layer sized
        // past 32 bits: 2 x 16 + ceil(log2 K))
        var precision = new Precision(bits, bits, 32);
        var choice = DatapathChoice.Of(new ScaleOffsetDatapath(), precision, new Dictionary<string, string> { ["form"] = "dequantize-in-pe", ["dequant_bits"] = "16" })
            with { SizesAccumulators = true };
        var config = new QuantizationConfig(choice) { FirstLastBits = null };
        Assert.That(config.BitsFor(ModelArchitecture.LeNet5).Select(p => p.AccumulatorBits), Is.All.GreaterThan(32));
        using var network = new QuantizedNetwork(ModelArchitecture.LeNet5, seed: 3);
        using (Tensor calibration = _images.ImagesTensor(0, 64))
        {
            network.EnableQuantization(config, calibration);
        }

        network.eval();
        IntegerModel model = IntegerExporter.Export(network);
        var fast = new IntegerInference(model, IntegerEngine.Fast);
        var kernels = new IntegerInference(model, IntegerEngine.Kernels);

        // Then the fast path runs every layer and equals the kernels' loops logit for logit
        Assert.That(fast.KernelOnlyLayers(), Is.Empty);
        for (int n = 0; n < 20; n++)
        {
            int[] codes = model.QuantizeImage(_images.Pixels.AsSpan(n * 784, 784));
            Assert.That(fast.Logits(codes), Is.EqualTo(kernels.Logits(codes)), $"image {n}");
        }

        // And predicts the same classes at any thread count
        Assert.That(fast.Predict(_images.Take(60), maxParallelism: 2), Is.EqualTo(kernels.Predict(_images.Take(60), maxParallelism: 1)));
    }

    [Test]
    public void Should_Round_Ties_In_TorchSharp_As_The_Plug_Ins_Do()
    {
        // Given exact ties and values next to them
        double[] values = [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 1e-17, -0.49999999999999994, 126.5, -128.5];
        using Tensor t = tensor(values, ScalarType.Float64);
        using Tensor rounded = FakeQuant.RoundHalfUp(t);

        // Then TorchSharp's fake-quant rounding equals the plug-ins' Rounding.Nearest value for value
        Assert.That(rounded.data<double>().ToArray(), Is.EqualTo(values.Select(Rounding.Nearest).ToArray()));
    }
}
