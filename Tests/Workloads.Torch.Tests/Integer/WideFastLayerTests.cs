using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Numerics;
using QuantSim.Datapaths.ScaleOffset;
using QuantSim.Workloads.Layers;
using QuantSim.Workloads.Torch.Integer.Fast;

namespace QuantSim.Workloads.Torch.Tests.Integer;

/// <summary>
/// The fast path with accumulators wider than 32 bits (<see cref="WidePackedGemm"/>) against the plug-in
/// kernel's own loops (<see cref="LayerRunner"/>): the scale-offset dequantize forms at D = 16 (16-bit
/// operands, 32-bit products, sums of 37-42 bits), random layers with A in 33..64.
/// </summary>
public sealed class WideFastLayerTests
{
    private static DatapathChoice Dequantize(string form, Precision precision) =>
        DatapathChoice.Of(new ScaleOffsetDatapath(), precision, new Dictionary<string, string> { ["form"] = form, ["dequant_bits"] = "16" });

    [TestCase("dequantize-in-pe")]
    [TestCase("dequantize-at-edge")]
    public void Should_Compute_The_Kernels_Codes_Bit_For_Bit_With_Wide_Accumulators(string form)
    {
        var random = new Random(form.Length * 31 + 7);
        int wide = 0;
        for (int trial = 0; trial < 36; trial++)
        {
            // Given a random layer (conv with padding, stride, groups or depthwise, or fully connected) at
            // random W, A in 2..8 and an accumulator of 33..64 bits
            var precision = new Precision(random.Next(2, 9), random.Next(2, 9), random.Next(33, 65));
            DatapathChoice choice = Dequantize(form, precision);
            Layer shape = trial % 3 == 2 ? new FullyConnectedLayer("fc", random.Next(1, 300), random.Next(1, 20)) : FastLayerTests.RandomConv(random);
            var (quantization, weights) = FastLayerTests.RandomLayer(random, choice, precision, shape, withOutput: trial % 4 != 3);
            IntegerKernel kernel = choice.CreateKernel(quantization, weights, precision);

            // Then the fast path takes it (never the kernels' loops), in int64 exactly when some column's
            // worst-case sum leaves int32, and gives the kernel's codes
            FastLayer? layer = FastLayer.Create(kernel, shape as ConvLayer);
            Assert.That(layer, Is.Not.Null, $"{precision} {shape}");
            Assert.That(layer!.Wide, Is.EqualTo(WorstCaseSum(kernel) > int.MaxValue), $"{precision} {shape}");
            wide += layer.Wide ? 1 : 0;
            var scratch = new FastLayer.Scratch();
            for (int image = 0; image < 2; image++)
            {
                int[] input = FastLayerTests.RandomCodes(random, kernel.Activations, InputCount(shape));
                int[] expected = shape is ConvLayer conv ? LayerRunner.Conv(kernel, conv, input) : LayerRunner.FullyConnected(kernel, (FullyConnectedLayer)shape, input);
                Assert.That(layer.Run(input, scratch), Is.EqualTo(expected), $"{precision} {shape} image {image}");
            }
        }

        // And many layers need the int64 sums (16-bit operands: the int32 bound fails unless K or W is small)
        Assert.That(wide, Is.GreaterThanOrEqualTo(12), "the wide GEMM must run on many of these layers, or the test proves little");
    }

    [TestCase("dequantize-in-pe", 41, false)]
    [TestCase("dequantize-at-edge", 64, false)]
    [TestCase("dequantize-in-pe", 36, false)]
    [TestCase("dequantize-in-pe", 41, true)]
    [TestCase("dequantize-at-edge", 36, true)]
    public void Should_Keep_Sums_Beyond_2_To_32_Exact(string form, int accumulatorBits, bool convolution)
    {
        // Given a classifier-style layer (no output quantizer: the output is the accumulator brought to the
        // s_x·s_w unit, so it shows every bit of the sum) at w8a8, activation zero point at the bottom of the
        // range and codes near the top, weights near +127 in even columns and −127 in odd ones: dequantized
        // operands near ±2^15 whose K = 400 products sum to about ±2^38 (at A = 36 they wrap, as the kernel's do)
        var precision = new Precision(8, 8, accumulatorBits);
        DatapathChoice choice = Dequantize(form, precision);
        DatapathQuantizers specs = choice.Quantizers(precision);
        var random = new Random(accumulatorBits + (convolution ? 1 : 0));
        Layer shape = convolution
            ? new ConvLayer("conv", 7, 7, 16, 5, 5, 6) { PadH = 1, PadW = 1 }
            : new FullyConnectedLayer("fc", 400, 6);
        int k = 400, n = 6;
        var weights = new int[k, n];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < n; j++)
            {
                weights[i, j] = j % 2 == 0 ? specs.Weights.QMax - random.Next(0, 8) : specs.Weights.QMin + 1 + random.Next(0, 8);
            }
        }

        var quantization = new LayerQuantization(
            specs.Activations.WithScale(0.04, specs.Activations.HasZeroPoint ? specs.Activations.QMin : 0),
            specs.Weights.WithScale(0.01), null, [.. Enumerable.Range(0, n).Select(j => 100 * j - 250)]);
        IntegerKernel kernel = choice.CreateKernel(quantization, weights, precision);
        int inputs = convolution ? 7 * 7 * 16 : k;
        int[] input = [.. Enumerable.Range(0, inputs).Select(_ => kernel.Activations.Max - random.Next(0, 8))];

        // The sums, computed here from the kernel's own operand transforms: beyond 2^32 in every column
        // (for the convolution: at the centre pixel, where no tap reads padding)
        for (int j = 0; j < n; j++)
        {
            long sum = 0;
            for (int i = 0; i < k; i++)
            {
                int activation = convolution ? input[CentreTap(i)] : input[i];
                sum += (long)kernel.PeActivation(activation) * kernel.PeWeight(weights[i, j]);
            }

            Assert.That(Math.Abs(sum), Is.GreaterThan(1L << 36), $"column {j}: the test needs sums far beyond int32");
        }

        // Then the fast path gives the kernel's outputs, none saturated, through the wide GEMM
        FastLayer layer = FastLayer.Create(kernel, shape as ConvLayer)!;
        int[] expected = shape is ConvLayer conv ? LayerRunner.Conv(kernel, conv, input) : LayerRunner.FullyConnected(kernel, (FullyConnectedLayer)shape, input);
        Assert.That(expected, Has.None.EqualTo(int.MaxValue).And.None.EqualTo(int.MinValue), "outputs must carry the sum, not a saturated value");
        Assert.That(layer.Run(input, new FastLayer.Scratch()), Is.EqualTo(expected));
        Assert.That(layer.Wide, Is.True);
    }

    [TestCase(48, false)]
    [TestCase(40, true)]
    [TestCase(64, true)]
    public void Should_Take_Int32_Operands_When_Minus_2_To_15_Meets_Itself(int accumulatorBits, bool convolution)
    {
        // Given a hand-built kernel whose operand tables both reach −2^15 (activation codes 0..255 to
        // 257·q − 2^15, weight codes −128..127 to 256·w): a pair (−2^15)·(−2^15) twice is 2^31, which vpmaddwd
        // wraps, so the layer must run the int32-operand wide GEMM (vpmuldq)
        var random = new Random(accumulatorBits);
        Layer shape = convolution ? new ConvLayer("conv", 6, 6, 8, 3, 3, 5) { PadH = 1, PadW = 1 } : new FullyConnectedLayer("fc", 200, 5);
        int k = convolution ? 72 : 200, n = 5;
        var weights = new int[k, n];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < n; j++)
            {
                weights[i, j] = random.Next(3) == 0 ? -128 : random.Next(-128, 128);
            }
        }

        var activations = new CodeRange(0, 255);
        var weightCodes = new CodeRange(-128, 127);
        var stage = new MultiplierOutputStage(new AccumulatorOutput([.. Enumerable.Range(0, n).Select(j => (long)j * 12345)], 0, accumulatorBits),
            [FixedPointMultiplier.FromReal(Math.ScaleB(1.0, -12))], 0, int.MinValue, int.MaxValue);
        var kernel = new IntegerKernel(weights, accumulatorBits, ArrayMultiplier.Instance, stage, activations, weightCodes, activationPadValue: 128,
            activationOperands: OperandTable.Of(activations, q => 257 * q - 32768), weightOperands: OperandTable.Of(weightCodes, w => 256 * w));
        int[] input = [.. Enumerable.Range(0, convolution ? 6 * 6 * 8 : k).Select(_ => random.Next(3) == 0 ? 0 : random.Next(0, 256))];

        // Then the fast path runs int32 operands in int64 sums and gives the kernel's codes
        FastLayer layer = FastLayer.Create(kernel, shape as ConvLayer)!;
        int[] expected = shape is ConvLayer conv ? LayerRunner.Conv(kernel, conv, input) : LayerRunner.FullyConnected(kernel, (FullyConnectedLayer)shape, input);
        Assert.That(layer.Run(input, new FastLayer.Scratch()), Is.EqualTo(expected));
        Assert.That((layer.Wide, layer.Narrow), Is.EqualTo((true, false)));
    }

    /// <summary>max over columns of Σ_k max_a |operand(a)|·|operand(w_kn)|, over every activation code.</summary>
    private static long WorstCaseSum(IntegerKernel kernel)
    {
        long maxA = 0;
        for (int a = kernel.Activations.Min; a <= kernel.Activations.Max; a++)
        {
            maxA = Math.Max(maxA, Math.Abs((long)kernel.PeActivation(a)));
        }

        long worst = 0;
        for (int n = 0; n < kernel.OutputChannels; n++)
        {
            long sum = 0;
            for (int k = 0; k < kernel.ReductionLength; k++)
            {
                sum += maxA * Math.Abs((long)kernel.PeWeight(kernel.Weight(k, n)));
            }

            worst = Math.Max(worst, sum);
        }

        return worst;
    }

    /// <summary>Input index [h][w][c] of GEMM column i (tap r, s, channel c) at output pixel (2, 2) of the 7x7, pad-1, 5x5 convolution.</summary>
    private static int CentreTap(int i)
    {
        int tap = i / 16, c = i % 16;
        int h = 2 + tap / 5 - 1, w = 2 + tap % 5 - 1;
        return (h * 7 + w) * 16 + c;
    }

    private static int InputCount(Layer shape) => shape is ConvLayer c ? c.InputHeight * c.InputWidth * c.InputChannels : ((FullyConnectedLayer)shape).InputFeatures;
}
