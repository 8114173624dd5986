using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Tests.OnnxRuntimeReference;

/// <summary>
/// One random int8 layer run two ways: as a one-node ONNX model in ONNX Runtime and through a QuantSim
/// plug-in's integer kernel, both returning output codes in QuantSim's layout ([oh][ow][f] for a
/// convolution, [m][n] for a matrix product).
/// <list type="bullet">
/// <item>per-tensor weights with asymmetric activations: <c>scale-offset</c> (weights symmetric; uint8
/// input and output codes with random zero points);</item>
/// <item>per-tensor weights, no zero points: <c>lsq</c>;</item>
/// <item>per-channel weights: <c>per-channel</c> (its activations have zero point 0, a uint8 ONNX
/// tensor with zero point 0).</item>
/// </list>
/// A third of the cases use power-of-two scales, so the rescale factor is exact and many outputs are exact
/// ties: the cases where the two rounding rules must differ (ties toward +∞ against ties to even).
/// </summary>
internal sealed class QLinearCase
{
    private static readonly Precision Bits = Precision.W8A8;

    private readonly Func<byte[]> _model;
    private readonly Func<IntegerKernel, int[]> _runKernel;
    private readonly byte[] _ortInput;
    private readonly int[] _ortShape;
    private readonly Func<byte[], int[]> _fromOrt;
    private readonly int[,] _gemmWeights;

    private QLinearCase(
        string description, IDatapath datapath, DatapathSettings settings, LayerQuantization quantization,
        Func<byte[]> model, byte[] ortInput, int[] ortShape, Func<byte[], int[]> fromOrt,
        int[,] gemmWeights, Func<IntegerKernel, int[]> runKernel)
    {
        Description = description;
        Datapath = datapath;
        Settings = settings;
        Quantization = quantization;
        _model = model;
        _ortInput = ortInput;
        _ortShape = ortShape;
        _fromOrt = fromOrt;
        _gemmWeights = gemmWeights;
        _runKernel = runKernel;
    }

    public string Description { get; }

    /// <summary>Whether every scale is a power of two (an exact rescale factor, so exact ties are common).</summary>
    public bool PowerOfTwoScales => Quantization.Input.Scales.Concat(Quantization.Weights.Scales).Concat(Quantization.Output!.Scales).All(s => Math.ScaleB(1.0, Math.ILogB(s)) == s);

    public IDatapath Datapath { get; }

    /// <summary>The plug-in's settings with the default (fixed-point) rounding.</summary>
    public DatapathSettings Settings { get; }

    public LayerQuantization Quantization { get; }

    /// <summary>ONNX Runtime's output codes.</summary>
    public int[] RunOnnxRuntime() => _fromOrt(OrtRunner.Run(_model(), _ortInput, _ortShape));

    /// <summary>The plug-in kernel's output codes with the given <c>rounding</c> option value.</summary>
    public int[] RunKernel(string rounding)
    {
        var options = Settings.Values.ToDictionary(kv => kv.Key, kv => kv.Value);
        options[RoundingOption.Key] = rounding;
        var settings = DatapathSettings.Resolve(Datapath, options);
        return _runKernel(Datapath.CreateKernel(Quantization, _gemmWeights, Bits, settings));
    }

    public static QLinearCase Conv(Random random)
    {
        var (datapath, settings, perChannel) = PickDatapath(random);
        var layer = RandomConv(random);
        int k = ConvLowering.ReductionLength(layer);
        var (operands, quantization, bias) = RandomQuantization(random, datapath, settings, perChannel, layer.Filters, k);

        // QuantSim layouts: input [h][w][c], weights [f][r][s][c_g]; ONNX: x [1][c][h][w], w [f][c_g][r][s].
        int h = layer.InputHeight, w = layer.InputWidth, c = layer.InputChannels, cg = layer.ChannelsPerGroup;
        int[] input = Codes(random, 0, 255, h * w * c);
        var nchw = new byte[input.Length];
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                for (int ch = 0; ch < c; ch++)
                {
                    nchw[(ch * h + y) * w + x] = (byte)input[(y * w + x) * c + ch];
                }
            }
        }

        int r = layer.KernelHeight, s = layer.KernelWidth;
        int[] weights = Codes(random, -128, 127, layer.Filters * k);
        var onnxWeights = new sbyte[weights.Length];
        for (int f = 0; f < layer.Filters; f++)
        {
            for (int i = 0; i < r; i++)
            {
                for (int j = 0; j < s; j++)
                {
                    for (int ch = 0; ch < cg; ch++)
                    {
                        onnxWeights[((f * cg + ch) * r + i) * s + j] = (sbyte)weights[((f * r + i) * s + j) * cg + ch];
                    }
                }
            }
        }

        int oh = layer.OutputHeight, ow = layer.OutputWidth, filters = layer.Filters;
        int[] FromOrt(byte[] y)
        {
            var codes = new int[y.Length];
            for (int f = 0; f < filters; f++)
            {
                for (int p = 0; p < oh * ow; p++)
                {
                    codes[p * filters + f] = y[f * oh * ow + p];
                }
            }

            return codes;
        }

        return new(
            $"{datapath.Name} conv {h}x{w}x{c} -> {filters}, kernel {r}x{s}, stride {layer.StrideH}x{layer.StrideW}, pad {layer.PadH}x{layer.PadW}, dilation {layer.DilationH}x{layer.DilationW}, groups {layer.Groups}",
            datapath, settings, quantization,
            () => QLinearModel.Conv(
                operands, [1, c, h, w], onnxWeights, [filters, cg, r, s], bias,
                (layer.StrideH, layer.StrideW), (layer.PadH, layer.PadW), (layer.DilationH, layer.DilationW), layer.Groups),
            nchw, [1, c, h, w], FromOrt,
            ConvLowering.Weights(layer, weights), kernel => LayerRunner.Conv(kernel, layer, input));
    }

    public static QLinearCase MatMul(Random random)
    {
        var (datapath, settings, perChannel) = PickDatapath(random);
        int m = random.Next(1, 9), k = random.Next(1, 200), n = random.Next(1, 40);
        // QLinearMatMul has no bias input.
        var (operands, quantization, _) = RandomQuantization(random, datapath, settings, perChannel, n, k, withBias: false);
        int[] input = Codes(random, 0, 255, m * k);
        int[] weights = Codes(random, -128, 127, k * n);
        var matrix = new int[k, n];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < n; j++)
            {
                matrix[i, j] = weights[i * n + j];
            }
        }

        var layer = new FullyConnectedLayer("matmul", k, n) { Batch = m };
        return new(
            $"{datapath.Name} matmul {m}x{k} by {k}x{n}",
            datapath, settings, quantization,
            () => QLinearModel.MatMul(operands, m, [.. weights.Select(v => (sbyte)v)], k, n),
            [.. input.Select(v => (byte)v)], [m, k], y => [.. y.Select(v => (int)v)],
            matrix, kernel => LayerRunner.FullyConnected(kernel, layer, input));
    }

    private static (IDatapath Datapath, DatapathSettings Settings, bool PerChannel) PickDatapath(Random random)
    {
        int pick = random.Next(3);
        string name = pick switch { 0 => "scale-offset", 1 => "lsq", _ => "per-channel" };
        DatapathRegistry.Default.TryGet(name, out var datapath);
        // scale-offset's zero-point forms compute the same integers; either may run.
        var options = name == "scale-offset" ? new Dictionary<string, string> { ["form"] = random.Next(2) == 0 ? "in-pe" : "folded" } : null;
        return (datapath, DatapathSettings.Resolve(datapath, options), name == "per-channel");
    }

    private static ConvLayer RandomConv(Random random)
    {
        while (true)
        {
            int kind = random.Next(4);
            int channels = random.Next(1, 9);
            // 0: depthwise (groups = channels = filters); 1: grouped; else dense.
            int groups = kind == 0 ? channels : kind == 1 ? random.Next(2, 4) : 1;
            int c = kind == 1 ? groups * random.Next(1, 4) : channels;
            int f = kind == 0 ? c : groups * random.Next(1, 6);
            var layer = new ConvLayer("conv", random.Next(1, 10), random.Next(1, 10), c, random.Next(1, 4), random.Next(1, 4), f)
            {
                StrideH = random.Next(1, 3),
                StrideW = random.Next(1, 3),
                PadH = random.Next(0, 3),
                PadW = random.Next(0, 3),
                DilationH = random.Next(1, 3),
                DilationW = random.Next(1, 3),
                Groups = groups,
            };
            if (!layer.Problems().Any() && layer.OutputHeight > 0 && layer.OutputWidth > 0)
            {
                return layer;
            }
        }
    }

    /// <summary>
    /// float32 scales (real or powers of two), zero points the plug-in allows, an output scale that puts
    /// typical accumulators inside the output codes, and int32 bias codes.
    /// </summary>
    private static (QLinearOperands Operands, LayerQuantization Quantization, int[] Bias) RandomQuantization(
        Random random, IDatapath datapath, DatapathSettings settings, bool perChannel, int channels, int reduction, bool withBias = true)
    {
        var specs = datapath.Quantizers(Bits, settings);
        bool powersOfTwo = random.Next(3) == 0;
        float Scale(double low, double high) => powersOfTwo
            ? MathF.ScaleB(1f, -random.Next((int)Math.Round(-Math.Log2(high)), (int)Math.Round(-Math.Log2(low)) + 1))
            : (float)(low + random.NextDouble() * (high - low));

        float inputScale = Scale(1.0 / 512, 1.0 / 16);
        float[] weightScales = [.. Enumerable.Range(0, perChannel ? channels : 1).Select(_ => Scale(1.0 / 1024, 1.0 / 32))];
        int inputZero = specs.Activations.HasZeroPoint ? random.Next(0, 256) : 0;
        int outputZero = specs.Activations.HasZeroPoint ? random.Next(0, 256) : 0;
        // An accumulator of K random products has a spread of about sqrt(K)·74·74 codes²; map it onto ±64 codes.
        double spread = Math.Sqrt(reduction) * 74 * 74;
        float outputScale = powersOfTwo
            ? MathF.ScaleB(1f, (int)Math.Round(Math.Log2(inputScale * weightScales[0] * spread / 64)) + random.Next(-1, 2))
            : (float)(inputScale * weightScales[0] * spread / 64 * (0.5 + random.NextDouble() * 1.5));
        int[] bias = withBias ? Codes(random, -(int)spread, (int)spread, channels) : new int[channels];

        var operands = new QLinearOperands(inputScale, inputZero, weightScales, outputScale, outputZero);
        var quantization = new LayerQuantization(
            specs.Activations.WithScale(inputScale, inputZero),
            specs.Weights.WithScales([.. weightScales.Select(v => (double)v)]),
            specs.Activations.WithScale(outputScale, outputZero),
            [.. bias]);
        return (operands, quantization, bias);
    }

    private static int[] Codes(Random random, int min, int max, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => random.Next(min, max + 1))];
}
