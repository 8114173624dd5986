using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Layers;
using QuantSim.Workloads.Torch.Integer.Fast;

namespace QuantSim.Workloads.Torch.Tests.Integer;

/// <summary>
/// The packed-GEMM layer (and the float GEMM layer for floating-point PEs) against the plug-in kernels' own loops (<see cref="LayerRunner"/>) on randomized
/// layers: every variant of <see cref="DatapathRegistry.Default"/> with every value of every option (so every
/// study form, weight zero points, both mixed-precision PEs and both dequantized widths), random W and A in
/// 2..8 bits, 32-, 24- and 16-bit (wrapping) accumulators and wide ones of 33..64 bits, convolutions with padding, stride and groups
/// (depthwise included) and fully connected layers, random scales, zero points and bias.
/// </summary>
public sealed class FastLayerTests
{
    /// <summary>Each variant with its defaults, then once per non-default value of each option.</summary>
    public static IEnumerable<TestCaseData> Choices()
    {
        foreach (IDatapath datapath in Variants.Quantized)
        {
            yield return new TestCaseData(datapath.Name, "", "").SetArgDisplayNames(datapath.Name);
            foreach (DatapathOption option in datapath.Options)
            {
                foreach (string value in option.Allowed.Where(v => v != option.Default))
                {
                    yield return new TestCaseData(datapath.Name, option.Key, value).SetArgDisplayNames($"{datapath.Name} {option.Key}={value}");
                }
            }

            foreach (DatapathForm form in datapath.StudyForms)
            {
                foreach (var (key, value) in form.Options)
                {
                    yield return new TestCaseData(datapath.Name, key, value).SetArgDisplayNames($"{form.Label} (form)");
                }
            }
        }
    }

    [TestCaseSource(nameof(Choices))]
    public void Should_Compute_The_Kernels_Codes_Bit_For_Bit(string variant, string key, string value) =>
        CheckAgainstKernels(variant, key.Length == 0 ? null : new Dictionary<string, string> { [key] = value }, HashCode.Combine(variant.Length, key.Length, value.Length) + 17);

    /// <summary>The floating-point PE in every multiply x accumulate format pair (fp16 accumulators stay on the kernel's loops).</summary>
    [TestCase("fp16", "fp32")]
    [TestCase("bf16", "fp32")]
    [TestCase("fp32", "fp32")]
    [TestCase("fp16", "fp16")]
    [TestCase("bf16", "fp16")]
    public void Should_Compute_The_Float_Kernels_Codes_Bit_For_Bit(string multiply, string accumulate) =>
        CheckAgainstKernels("scale-offset", new Dictionary<string, string> { ["form"] = "float-at-edge", ["float_multiply"] = multiply, ["float_accumulate"] = accumulate }, multiply.Length * 31 + accumulate.Length);

    private static void CheckAgainstKernels(string variant, Dictionary<string, string>? options, int seed)
    {
        DatapathRegistry.Default.TryGet(variant, out IDatapath datapath);
        var random = new Random(seed);
        int layers = 0;
        for (int trial = 0; trial < 120 && layers < 40; trial++)
        {
            int[] accumulators = [32, 16, 24];
            int bits = trial % 4 == 3 ? random.Next(33, 65) : accumulators[trial % 4];
            var precision = new Precision(random.Next(2, 9), random.Next(2, 9), bits);
            var problems = new List<DatapathProblem>();
            if (DatapathChoice.TryResolve(datapath, options, precision, problems) is not { } choice)
            {
                continue;
            }

            // Shapes cycle with period 3, widths with 4, so wide accumulators meet convolutions and FC layers alike.
            Layer shape = trial % 3 == 2 ? RandomFc(random) : RandomConv(random);
            var (quantization, weights) = RandomLayer(random, choice, precision, shape, withOutput: trial % 5 != 4);
            IntegerKernel kernel;
            try
            {
                kernel = choice.CreateKernel(quantization, weights, precision);
            }
            catch (ArgumentOutOfRangeException) when (precision.AccumulatorBits > 32)
            {
                continue; // plug-ins whose output stage takes an int32 accumulator refuse wider ones
            }

            // A floating-point accumulator's sums depend on their order: the integer GEMM must refuse it, and the
            // float GEMM takes it when it accumulates in fp32 (its adds are the machine's) and only then.
            if (!kernel.AccumulatesIntegers)
            {
                Assert.That(FastLayer.Create(kernel, shape as ConvLayer), Is.Null, $"{choice} {precision.Spec} {shape}");
                var floatLayer = FloatFastLayer.Create(kernel, shape as ConvLayer);
                layers++;
                if (((FloatMacUnit)kernel.Accumulate).AccumulateFormat != FloatFormat.Fp32)
                {
                    Assert.That(floatLayer, Is.Null, $"{choice} {precision.Spec} {shape}");
                    continue;
                }

                Assert.That(floatLayer, Is.Not.Null, $"{choice} {precision.Spec} {shape}");
                var floatScratch = new FastLayer.Scratch();
                for (int image = 0; image < 2; image++)
                {
                    int[] input = RandomCodes(random, kernel.Activations, InputCount(shape));
                    int[] expected = shape is ConvLayer conv ? LayerRunner.Conv(kernel, conv, input) : LayerRunner.FullyConnected(kernel, (FullyConnectedLayer)shape, input);
                    Assert.That(floatLayer!.AccumulatorPatterns(input, floatScratch), Is.EqualTo(MacLoopPatterns(kernel, shape, input)), $"{choice} {precision.Spec} {shape} image {image}: accumulators");
                    Assert.That(floatLayer.Run(input, floatScratch), Is.EqualTo(expected), $"{choice} {precision.Spec} {shape} image {image}");
                }

                continue;
            }

            // The products of every built-in plug-in are exact, and a wide accumulator whose int32 bound fails
            // runs the int64 GEMM, so the fast path must take every layer.
            FastLayer? layer = FastLayer.Create(kernel, shape as ConvLayer);
            layers++;
            Assert.That(layer, Is.Not.Null, $"{choice} {precision.Spec} {shape}");
            var scratch = new FastLayer.Scratch();
            for (int image = 0; image < 2; image++)
            {
                int[] input = RandomCodes(random, kernel.Activations, InputCount(shape));
                int[] expected = shape is ConvLayer conv ? LayerRunner.Conv(kernel, conv, input) : LayerRunner.FullyConnected(kernel, (FullyConnectedLayer)shape, input);
                Assert.That(layer!.Run(input, scratch), Is.EqualTo(expected), $"{choice} {precision.Spec} {shape} image {image}");
            }
        }

        Assert.That(layers, Is.GreaterThan(5), "too few layers built to prove anything");
    }

    [Test]
    public void Should_Refuse_A_Product_Unit_That_Is_Not_A_Plain_Multiply()
    {
        // Given a kernel whose PE multiplier saturates at 100 (not the exact product)
        var spec = new QuantizerSpec(8, false, Granularity.PerTensor, ScaleKind.Real, false);
        var wspec = new QuantizerSpec(8, true, Granularity.PerTensor, ScaleKind.Real, false);
        var q = new LayerQuantization(spec.WithScale(0.1), wspec.WithScale(0.1), null, [0]);
        var kernel = new IntegerKernel(new int[,] { { 20 } }, 32, new Saturating(), AccumulatorOutput.WithBias(q.Bias, 32),
            CodeRange.Of(spec), CodeRange.Of(wspec), 0);

        // Then the fast path declines it (the caller runs the kernel)
        Assert.That(FastLayer.Create(kernel, null), Is.Null);
    }

    private sealed class Saturating : IProductUnit
    {
        public long Multiply(int activation, int weight) => Math.Min(100, (long)activation * weight);
    }

    internal static ConvLayer RandomConv(Random random)
    {
        int side = random.Next(3, 10);
        int kernel = new[] { 1, 3, 5 }[random.Next(3)];
        int pad = random.Next(0, kernel / 2 + 2);
        int stride = random.Next(1, 3);
        int groupsKind = random.Next(3);
        int channels = random.Next(1, 9) * (groupsKind == 1 ? 2 : 1);
        int groups = groupsKind switch { 0 => 1, 1 => 2, _ => channels };
        int filters = groups * random.Next(1, 5);
        if (side + 2 * pad < kernel)
        {
            pad = kernel;
        }

        return new ConvLayer("conv", side, side, channels, kernel, kernel, filters) { PadH = pad, PadW = pad, StrideH = stride, StrideW = stride, Groups = groups };
    }

    private static FullyConnectedLayer RandomFc(Random random) => new("fc", random.Next(1, 300), random.Next(1, 20));

    /// <summary>The accumulators the kernel's own MAC leaves, k ascending from +0, rows x output channels: the registers before the output stage.</summary>
    private static long[] MacLoopPatterns(IntegerKernel kernel, Layer shape, int[] input)
    {
        int n = kernel.OutputChannels, k = kernel.ReductionLength;
        int groups = shape is ConvLayer c ? c.Groups : 1, perGroup = n / groups;
        int rows = shape is ConvLayer cv ? cv.OutputHeight * cv.OutputWidth : 1;
        var sums = new long[rows * n];
        for (int g = 0; g < groups; g++)
        {
            int[,] codes = shape is ConvLayer conv ? ConvLowering.Activations(conv, input, g, kernel.ActivationPadValue) : To2D(input);
            for (int m = 0; m < rows; m++)
            {
                for (int j = g * perGroup; j < (g + 1) * perGroup; j++)
                {
                    long acc = 0;
                    for (int i = 0; i < k; i++)
                    {
                        acc = kernel.Mac(acc, codes[m, i], kernel.Weight(i, j));
                    }

                    sums[m * n + j] = acc;
                }
            }
        }

        return sums;
    }

    private static int[,] To2D(int[] row)
    {
        var matrix = new int[1, row.Length];
        for (int i = 0; i < row.Length; i++)
        {
            matrix[0, i] = row[i];
        }

        return matrix;
    }

    private static int InputCount(Layer shape) => shape is ConvLayer c ? c.InputHeight * c.InputWidth * c.InputChannels : ((FullyConnectedLayer)shape).InputFeatures;

    internal static int[] RandomCodes(Random random, CodeRange range, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => random.Next(range.Min, range.Max + 1))];

    /// <summary>Random quantizers of the choice's shapes, random weight codes (K x N) and bias.</summary>
    internal static (LayerQuantization Quantization, int[,] Weights) RandomLayer(Random random, DatapathChoice choice, Precision precision, Layer shape, bool withOutput)
    {
        DatapathQuantizers specs = choice.Quantizers(precision);
        int k = shape is ConvLayer conv ? ConvLowering.ReductionLength(conv) : ((FullyConnectedLayer)shape).InputFeatures;
        int n = shape is ConvLayer c2 ? c2.Filters : ((FullyConnectedLayer)shape).OutputFeatures;
        QuantizationScheme input = Scheme(random, specs.Activations, 1, 0.01, 0.1, 5);
        QuantizationScheme weights = Scheme(random, specs.Weights, specs.Weights.Granularity == Granularity.PerChannel ? n : 1, 0.005, 0.05, 6);
        QuantizationScheme? output = withOutput ? Scheme(random, specs.Activations, 1, 0.05, 0.5, 3) : null;
        int[] bias = [.. Enumerable.Range(0, n).Select(_ => random.Next(-2000, 2000))];
        var matrix = new int[k, n];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < n; j++)
            {
                matrix[i, j] = random.Next(specs.Weights.QMin, specs.Weights.QMax + 1);
            }
        }

        return (new LayerQuantization(input, weights, output, [.. bias]), matrix);
    }

    private static QuantizationScheme Scheme(Random random, QuantizerSpec spec, int count, double low, double high, int fractionalBits)
    {
        if (spec.ScaleKind == ScaleKind.PowerOfTwo)
        {
            return spec.WithScales([.. Enumerable.Repeat(Math.ScaleB(1.0, -(fractionalBits + random.Next(0, 2))), count)]);
        }

        double[] scales = [.. Enumerable.Range(0, count).Select(_ => low + random.NextDouble() * (high - low))];
        int[]? zeros = spec.HasZeroPoint ? [.. Enumerable.Range(0, count).Select(_ => random.Next(spec.QMin, spec.QMax + 1))] : null;
        return spec.WithScales(scales, zeros);
    }
}
