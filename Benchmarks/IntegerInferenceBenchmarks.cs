using BenchmarkDotNet.Attributes;
using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Lsq;
using QuantSim.Workloads.Layers;
using QuantSim.Workloads.Torch.Data;
using QuantSim.Workloads.Torch.Integer;
using QuantSim.Workloads.Torch.Models;
using QuantSim.Workloads.Torch.Quantization;
using static TorchSharp.torch;

namespace QuantSim.Benchmarks;

/// <summary>
/// Integer inference of ResNet-20 (Fashion-MNIST form, all 22 weight layers, 8-bit first and last layers) on
/// the lsq plug-in at w8a8 and w4a4, 1 and 2 threads, per image (OperationsPerInvoke): the fast path
/// (im2col + packed GEMM + the kernel's output stage) and, for comparison, the kernels' own loops at one
/// thread. MAC/s = <see cref="MacsPerImage"/> / (time per image). Untrained seeded weights, random pixels:
/// the integer arithmetic does not depend on what they are.
/// </summary>
[InProcess] // TorchSharp finds its native package through the host application's dependency file.
[WarmupCount(2)]
[IterationCount(7)]
public class IntegerInferenceBenchmarks
{
    private const int Images = 64;

    /// <summary>MACs of one ResNet-20 (Fashion-MNIST) image, from the simulator's workload (checked in setup).</summary>
    public const long MacsPerImage = 31_021_952;

    private ImageSet _images = null!;
    private IntegerInference _fast = null!;
    private IntegerInference _kernels = null!;

    [Params(8, 4)]
    public int Bits { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        long macs = ModelArchitecture.ResNet20.ToWorkload().Layers.Sum(l => l.Macs);
        if (macs != MacsPerImage)
        {
            throw new InvalidOperationException($"ResNet-20 has {macs} MACs per image; update {nameof(MacsPerImage)}");
        }

        set_num_threads(2);
        _images = RandomImages(Images);
        using var network = new QuantizedNetwork(ModelArchitecture.ResNet20, seed: 1);
        network.eval();
        using (Tensor calibration = _images.ImagesTensor(0, Images))
        {
            var precision = new Precision(Bits, Bits, 32);
            network.EnableQuantization(new QuantizationConfig(DatapathChoice.Of(new LsqDatapath(), precision)), calibration);
        }

        IntegerModel model = IntegerExporter.Export(network);
        _fast = new IntegerInference(model, IntegerEngine.Fast);
        _kernels = new IntegerInference(model, IntegerEngine.Kernels);
    }

    /// <summary><paramref name="count"/> 28 x 28 images of seeded random pixels (the integer arithmetic does not depend on them).</summary>
    internal static ImageSet RandomImages(int count)
    {
        var rng = new Random(2026);
        var pixels = new byte[count * 28 * 28];
        rng.NextBytes(pixels);
        return new ImageSet(pixels, [.. Enumerable.Range(0, count).Select(i => (byte)(i % 10))], 28, 28);
    }

    [Benchmark(OperationsPerInvoke = Images)]
    public int[] FastPath() => _fast.Predict(_images, Threads);

    [Benchmark(OperationsPerInvoke = 4)]
    public int[] KernelLoops() => _kernels.Predict(_images.Take(4), Threads);
}
