using QuantSim.Workloads.Torch.Data;
using QuantSim.Workloads.Torch.Integer;
using QuantSim.Workloads.Torch.Models;
using QuantSim.Workloads.Torch.Quantization;
using static TorchSharp.torch;

namespace QuantSim.Workloads.Torch.Tests.Integer;

/// <summary>
/// The exported model run through the datapath plug-ins' own kernels (Datapaths/Numerics) against the
/// accuracy path's integer inference: same codes in, nearly the same classes out. They differ only where the
/// plug-ins round differently (gemmlowp's double rounding, half-to-even bias codes).
/// </summary>
public sealed class DatapathKernelInferenceTests
{
    private static ImageSet _images = null!;

    [OneTimeSetUp]
    public void LoadImages() => _images = new DatasetLoader(DataCache.Default()).Load(DatasetName.Mnist).Test.Take(100);

    [TestCase(QuantVariant.Lsq)]
    [TestCase(QuantVariant.ScaleOffset)]
    public void Should_Classify_Like_The_Accuracy_Paths_Integer_Inference_At_Eight_Bits(QuantVariant variant)
    {
        // Given a seeded LeNet-5 quantized to w8a8 in every layer (the plug-in contract has one precision per kernel)
        using var network = new QuantizedNetwork(ModelArchitecture.LeNet5, seed: 3);
        using (Tensor calibration = _images.ImagesTensor(0, 64))
        {
            network.EnableQuantization(new QuantizationConfig(variant, 8, 8) { FirstLastBits = null }, calibration);
        }

        IntegerModel model = IntegerExporter.Export(network);

        // When both integer paths classify the same 100 images
        int[] own = IntegerInference.Predict(model, _images);
        int[] plugin = new DatapathKernelInference(model, variant).Predict(_images);

        // Then at 8 bits the rounding differences move at most 1 % of the predictions
        Assert.That(own.Zip(plugin).Count(p => p.First == p.Second), Is.GreaterThanOrEqualTo(99));
    }

    [Test]
    public void Should_Refuse_Unsigned_Codes_On_The_Fixed_Point_Plug_In_Whose_Activations_Are_Signed()
    {
        // Given the fixed-point plug-in's activation quantizer is signed (codes −128..127 at 8 bits) while the
        // accuracy path quantizes post-ReLU activations unsigned (0..255), a code above 127 cannot enter its kernel
        using var network = new QuantizedNetwork(ModelArchitecture.LeNet5, seed: 3);
        using (Tensor calibration = _images.ImagesTensor(0, 64))
        {
            network.EnableQuantization(new QuantizationConfig(QuantVariant.FixedPoint, 8, 8) { FirstLastBits = null }, calibration);
        }

        var inference = new DatapathKernelInference(IntegerExporter.Export(network), QuantVariant.FixedPoint);

        Assert.That(() => inference.Predict(_images.Take(20)), Throws.InstanceOf<AggregateException>()
            .With.InnerException.Message.Contains("activation code outside [-128, 127]"));
    }
}
