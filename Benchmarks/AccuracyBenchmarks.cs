using BenchmarkDotNet.Attributes;
using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Lsq;
using QuantSim.Workloads.Layers;
using QuantSim.Workloads.Torch.Data;
using QuantSim.Workloads.Torch.Integer;
using QuantSim.Workloads.Torch.Models;
using QuantSim.Workloads.Torch.Quantization;
using QuantSim.Workloads.Torch.Training;
using static TorchSharp.torch;

namespace QuantSim.Benchmarks;

/// <summary>
/// Throughput of what <c>quantsim accuracy</c> spends its time on, per image (OperationsPerInvoke):
/// float training and quantization-aware training of LeNet-5 (one epoch over the images, batch 64,
/// 2 torch threads) and integer inference on the lsq plug-in's kernels (one thread). Images are
/// seeded random pixels: throughput does not depend on what the pixels show.
/// </summary>
[MemoryDiagnoser]
[InProcess] // TorchSharp finds its native package through the host application's dependency file.
public class AccuracyBenchmarks
{
    private const int Images = 512;
    private ImageSet _images = null!;
    private IntegerInference _integer = null!;
    private QuantizedNetwork _float = null!;
    private QuantizedNetwork _quantized = null!;

    [GlobalSetup]
    public void Setup()
    {
        set_num_threads(2);
        var rng = new Random(2026);
        var pixels = new byte[Images * 28 * 28];
        rng.NextBytes(pixels);
        var labels = Enumerable.Range(0, Images).Select(i => (byte)(i % 10)).ToArray();
        _images = new ImageSet(pixels, labels, 28, 28);
        _float = new QuantizedNetwork(ModelArchitecture.LeNet5, seed: 1);
        _quantized = Quantized();

        // Export switches a network to float64 scoring, so the exported one is a separate copy.
        using var exported = Quantized();
        _integer = new IntegerInference(IntegerExporter.Export(exported));
    }

    private QuantizedNetwork Quantized()
    {
        var network = new QuantizedNetwork(ModelArchitecture.LeNet5, seed: 1);
        using var calibration = _images.ImagesTensor(0, 256);
        network.EnableQuantization(new QuantizationConfig(DatapathChoice.Of(new LsqDatapath(), Precision.W8A8)), calibration);
        return network;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _float.Dispose();
        _quantized.Dispose();
    }

    [Benchmark(OperationsPerInvoke = Images)]
    public long FloatTrainingPerImage() =>
        Trainer.Train(_float, _images, new TrainingOptions(1, 64, 1e-3, 1), sgd: false, "float", null, CancellationToken.None);

    [Benchmark(OperationsPerInvoke = Images)]
    public long QatTrainingPerImage() =>
        Trainer.Train(_quantized, _images, new TrainingOptions(1, 64, 1e-2, 1), sgd: true, "qat", null, CancellationToken.None);

    [Benchmark(OperationsPerInvoke = Images)]
    public int IntegerInferencePerImage() => _integer.Predict(_images, 1).Sum();
}
