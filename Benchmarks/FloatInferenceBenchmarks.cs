using BenchmarkDotNet.Attributes;
using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.ScaleOffset;
using QuantSim.Workloads.Layers;
using QuantSim.Workloads.Torch.Data;
using QuantSim.Workloads.Torch.Integer;
using QuantSim.Workloads.Torch.Models;
using QuantSim.Workloads.Torch.Quantization;
using static TorchSharp.torch;

namespace QuantSim.Benchmarks;

/// <summary>
/// Inference of ResNet-20 (Fashion-MNIST form) on the floating-point PE (scale-offset <c>float-at-edge</c>, fp16
/// operands, fp32 accumulator) at w8a8, 1 and 2 threads, per image: the float GEMM fast path
/// (<see cref="QuantSim.Workloads.Torch.Integer.Fast.FloatFastLayer"/>) against the kernels' own float loops at
/// one thread. FLOP-pairs/s = <see cref="IntegerInferenceBenchmarks.MacsPerImage"/> / (time per image). As in
/// <see cref="IntegerInferenceBenchmarks"/>, untrained seeded weights and random pixels.
/// </summary>
[InProcess]
[WarmupCount(2)]
[IterationCount(7)]
public class FloatInferenceBenchmarks
{
    private const int Images = 16;

    private ImageSet _images = null!;
    private IntegerInference _fast = null!;
    private IntegerInference _kernels = null!;

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        set_num_threads(2);
        _images = IntegerInferenceBenchmarks.RandomImages(Images);
        using var network = new QuantizedNetwork(ModelArchitecture.ResNet20, seed: 1);
        network.eval();
        var choice = DatapathChoice.Of(new ScaleOffsetDatapath(), Precision.W8A8, new Dictionary<string, string> { [ScaleOffsetDatapath.Form] = ScaleOffsetDatapath.FloatAtEdge });
        using (Tensor calibration = _images.ImagesTensor(0, Images))
        {
            network.EnableQuantization(new QuantizationConfig(choice), calibration);
        }

        IntegerModel model = IntegerExporter.Export(network);
        _fast = new IntegerInference(model, IntegerEngine.Fast);
        if (_fast.KernelOnlyLayers().Any())
        {
            throw new InvalidOperationException($"layers off the fast path: {string.Join(", ", _fast.KernelOnlyLayers())}");
        }

        _kernels = new IntegerInference(model, IntegerEngine.Kernels);
    }

    [Benchmark(OperationsPerInvoke = Images)]
    public int[] FastPath() => _fast.Predict(_images, Threads);

    [Benchmark(OperationsPerInvoke = 1)]
    public int[] KernelLoops() => _kernels.Predict(_images.Take(1), Threads);
}
