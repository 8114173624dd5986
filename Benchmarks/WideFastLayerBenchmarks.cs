using BenchmarkDotNet.Attributes;
using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Lsq;
using QuantSim.Datapaths.Numerics;
using QuantSim.Datapaths.ScaleOffset;
using QuantSim.Workloads.Layers;
using QuantSim.Workloads.Torch.Integer.Fast;
using QuantSim.Workloads.Torch.Models;

namespace QuantSim.Benchmarks;

/// <summary>
/// One ResNet-20 (Fashion-MNIST) convolution per stage, one image, through the fast path: lsq w8a8 with a
/// 32-bit accumulator (the int32 GEMM), scale-offset <c>dequantize-in-pe</c> at <c>dequant_bits=16</c> with the
/// accumulator <c>auto</c> sizes (41-42 bits: the int64 GEMM, <see cref="WidePackedGemm"/>), and that wide
/// kernel's own loops (<see cref="LayerRunner"/>, what the fast path fell back to before). MAC/s = the layer's
/// MACs / time. The kernels are built straight from random quantizers and codes (no TorchSharp network), so
/// this isolates the GEMM the wide accumulators need.
/// </summary>
[InProcess] // as IntegerInferenceBenchmarks: the Workloads.Torch assembly finds TorchSharp through the host's dependency file.
[WarmupCount(2)]
[IterationCount(7)]
public class WideFastLayerBenchmarks
{
    public const string Int32Lsq = "fast-int32-lsq";
    public const string Int64Dequantize = "fast-int64-dequantize16";
    public const string KernelLoopsDequantize = "kernel-loops-dequantize16";

    private ConvLayer _layer = null!;
    private IntegerKernel _kernel = null!;
    private FastLayer? _fast;
    private int[] _input = [];
    private readonly FastLayer.Scratch _scratch = new();

    /// <summary>K = 144, 288 and 576: a stage-1, stage-2 and stage-3 body convolution.</summary>
    [Params("layer1.1.conv1", "layer2.2.conv1", "layer3.1.conv1")]
    public string Layer { get; set; } = "layer1.1.conv1";

    [Params(Int32Lsq, Int64Dequantize, KernelLoopsDequantize)]
    public string Path { get; set; } = Int32Lsq;

    [GlobalSetup]
    public void Setup()
    {
        _layer = (ConvLayer)ModelArchitecture.ResNet20.ToWorkload().Layers.Single(l => l.Name == Layer);
        var operands = new Precision(8, 8, 32);
        DatapathChoice choice = Path == Int32Lsq
            ? DatapathChoice.Of(new LsqDatapath(), operands)
            : DatapathChoice.Of(new ScaleOffsetDatapath(), operands, new Dictionary<string, string> { ["form"] = "dequantize-in-pe", ["dequant_bits"] = "16" })
                with { SizesAccumulators = true };
        int k = ConvLowering.ReductionLength(_layer);
        Precision precision = choice.Sized(operands, k);
        DatapathQuantizers specs = choice.Quantizers(precision);
        var random = new Random(2026);
        var weights = new int[k, _layer.Filters];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < _layer.Filters; j++)
            {
                weights[i, j] = random.Next(specs.Weights.QMin, specs.Weights.QMax + 1);
            }
        }

        int n = _layer.Filters;
        var quantization = new LayerQuantization(
            specs.Activations.WithScale(0.03, specs.Activations.HasZeroPoint ? 10 : 0),
            specs.Weights.Granularity == Granularity.PerChannel ? specs.Weights.WithScales([.. Enumerable.Repeat(0.01, n)]) : specs.Weights.WithScale(0.01),
            specs.Activations.WithScale(0.2, specs.Activations.HasZeroPoint ? 10 : 0),
            [.. Enumerable.Range(0, n).Select(_ => random.Next(-2000, 2000))]);
        _kernel = choice.CreateKernel(quantization, weights, precision);
        _input = [.. Enumerable.Range(0, _layer.InputHeight * _layer.InputWidth * _layer.InputChannels).Select(_ => random.Next(_kernel.Activations.Min, _kernel.Activations.Max + 1))];
        _fast = Path == KernelLoopsDequantize ? null : FastLayer.Create(_kernel, _layer)
            ?? throw new InvalidOperationException($"the fast path refuses {Layer} on {choice.Label}");
        if (_fast is not null && _fast.Wide != (Path == Int64Dequantize))
        {
            throw new InvalidOperationException($"{Path} expects the {(Path == Int64Dequantize ? "int64" : "int32")} GEMM at {precision}");
        }
    }

    [Benchmark]
    public int[] Run() => _fast is { } fast ? fast.Run(_input, _scratch) : LayerRunner.Conv(_kernel, _layer, _input);
}
