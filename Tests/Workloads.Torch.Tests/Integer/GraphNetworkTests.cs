using QuantSim.Workloads.Torch.Data;
using QuantSim.Workloads.Torch.Integer;
using QuantSim.Workloads.Torch.Models;
using QuantSim.Workloads.Torch.Training;
using static TorchSharp.torch;

namespace QuantSim.Workloads.Torch.Tests.Integer;

/// <summary>
/// ResNet-20 and the h-swish MobileNet-style network, untrained (seeded weights, batch-norm statistics from
/// real images, then folded), through the fast integer path, the plug-in kernels' loops and TorchSharp's
/// fake quantization. Few images: these are the largest networks the tests run.
/// </summary>
public sealed class GraphNetworkTests
{
    private static ImageSet _images = null!;

    [OneTimeSetUp]
    public void LoadImages() => _images = new DatasetLoader(DataCache.Default()).Load(DatasetName.FashionMnist).Test.Take(120);

    private static QuantizedNetwork Quantized(ModelArchitecture model, string variant, int bits)
    {
        var network = new QuantizedNetwork(model, seed: 5);
        using (no_grad())
        using (Tensor batch = _images.ImagesTensor(0, 64))
        {
            network.train();
            for (int i = 0; i < 3; i++)
            {
                network.forward(batch).Dispose(); // batch-norm running statistics, so folding changes the weights
            }
        }

        network.eval();
        using Tensor calibration = _images.ImagesTensor(0, 64);
        network.EnableQuantization(Variants.Config(variant, bits) with { FirstLastBits = 8 }, calibration);
        network.eval();
        return network;
    }

    public static IEnumerable<TestCaseData> Cases()
    {
        foreach (ModelArchitecture model in new[] { ModelArchitecture.ResNet20, ModelArchitecture.MobileNetHSwish })
        {
            // Every variant, and the forms whose layers take other code paths: signed activation codes (negative
            // codes through the h-swish tables and residual additions) and the float GEMM (on the h-swish network
            // only, which has every layer kind: its kernels' own float loops take about a minute per network).
            string[] forms = model == ModelArchitecture.MobileNetHSwish ? ["lsq:activations=signed", "scale-offset:form=float-at-edge"] : ["lsq:activations=signed"];
            foreach (string variant in Variants.All.Concat(forms))
            {
                yield return new TestCaseData(model.Name, variant).SetArgDisplayNames($"{model.Name} {variant}");
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Should_Give_The_Kernels_Logits_On_The_Fast_Path_And_Agree_With_Fake_Quantization(string modelName, string variant)
    {
        ModelArchitecture model = ModelArchitecture.Find(modelName)!;
        using QuantizedNetwork network = Quantized(model, variant, 4);
        IntegerModel integer = IntegerExporter.Export(network);
        var fast = new IntegerInference(integer, IntegerEngine.Fast);
        var kernels = new IntegerInference(integer, IntegerEngine.Kernels);

        // Then the fast path runs every layer and equals the kernels' loops logit for logit
        Assert.That(fast.KernelOnlyLayers(), Is.Empty);
        for (int n = 0; n < 2; n++)
        {
            int[] codes = integer.QuantizeImage(_images.Pixels.AsSpan(n * 784, 784));
            Assert.That(fast.Logits(codes), Is.EqualTo(kernels.Logits(codes)), $"image {n}");
        }

        // And TorchSharp's float64 fake quantization predicts the same classes, up to values on a rounding
        // boundary that the 2^-31 (kernel) and 2^-40 (residual, pool) multipliers can move
        int[] torch = Trainer.Predict(network, _images);
        int[] predicted = fast.Predict(_images, maxParallelism: 2);
        Assert.That(torch.Zip(predicted).Count(p => p.First == p.Second), Is.GreaterThanOrEqualTo(118), "at least 118 of 120 images");
    }

    [Test]
    public void Should_Predict_The_Same_At_Any_Thread_Count()
    {
        using QuantizedNetwork network = Quantized(ModelArchitecture.ResNet20, "scale-offset", 4);
        var inference = new IntegerInference(IntegerExporter.Export(network));
        Assert.That(inference.Predict(_images.Take(40), maxParallelism: 2), Is.EqualTo(inference.Predict(_images.Take(40), maxParallelism: 1)));
    }
}
