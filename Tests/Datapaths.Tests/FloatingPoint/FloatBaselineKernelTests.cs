using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Float;
using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Tests.FloatingPoint;

/// <summary>
/// The <c>float</c> baseline: its kernel against a plain scalar reference written with .NET's own float types
/// (System.Half, float and the bfloat16 bit shift), hand-chosen rounding cases of its output unit, its precision
/// rule and its code convention (bit patterns, sign-extended from the format's width).
/// </summary>
[TestFixture]
public sealed class FloatBaselineKernelTests
{
    private static readonly FloatDatapath Datapath = new();

    private static DatapathSettings Settings(string multiply, string accumulate) =>
        DatapathSettings.Resolve(Datapath, new Dictionary<string, string> { ["float_multiply"] = multiply, ["float_accumulate"] = accumulate });

    [TestCase("fp16", "fp32")]
    [TestCase("bf16", "fp32")]
    [TestCase("fp32", "fp32")]
    [TestCase("fp16", "fp16")]
    [TestCase("bf16", "fp16")]
    public void Should_match_the_scalar_reference_on_random_layers(string multiply, string accumulate)
    {
        var random = new Random((multiply + accumulate).Sum(c => c));
        var settings = Settings(multiply, accumulate);
        var precision = Datapath.FixedPrecision(settings);
        var m = FloatFormat.Of(multiply);
        var a = FloatFormat.Of(accumulate);
        var spec = Datapath.Quantizers(precision, settings).Activations;
        for (int trial = 0; trial < 30; trial++)
        {
            // Given a random fully connected layer of values in [-3, 3] (half of them 0, as after a ReLU), every
            // fourth one a classifier (no next layer: the result stays in the accumulate format).
            int rows = random.Next(1, 5), k = random.Next(1, 300), n = random.Next(1, 9);
            bool classifier = trial % 4 == 3;
            var x = new int[rows, k];
            var w = new int[k, n];
            for (int i = 0; i < rows; i++)
            {
                for (int j = 0; j < k; j++)
                {
                    x[i, j] = random.Next(2) == 0 ? 0 : Pattern(m, Value(random));
                }
            }

            for (int i = 0; i < k; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    w[i, j] = Pattern(m, Value(random) / 4);
                }
            }

            var bias = Enumerable.Range(0, n).Select(_ => Pattern(a, Value(random))).ToArray();
            var q = new LayerQuantization(spec.WithScale(1), spec.WithScale(1), classifier ? null : spec.WithScale(1), [.. bias]);

            // When the kernel runs it, Then every output pattern equals the reference's.
            int[,] actual = Datapath.CreateKernel(q, w, precision, settings).Gemm(x);
            for (int i = 0; i < rows; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    Assert.That(actual[i, j], Is.EqualTo(Reference(x, w, bias, i, j, multiply, accumulate, classifier)), $"trial {trial}: output ({i}, {j}) of {rows}x{k}x{n}");
                }
            }
        }
    }

    [Test]
    public void Should_round_the_fp32_sum_to_fp16_to_nearest_even_and_overflow_to_infinity()
    {
        // fp16 has 10 fraction bits: 1 + 2^-11 is the tie between 1 and 1 + 2^-10 (odd) and goes to 1; 1 + 3·2^-11 is
        // the tie between 1 + 2^-10 (odd) and 1 + 2^-9 (even) and goes up; 65520 is the tie between the largest
        // finite 65504 and 65536, which rounds to even 65536 = beyond the range, so +infinity (0x7C00); -2 is 0xC000,
        // sign-extended to the int -16384.
        Assert.Multiple(() =>
        {
            Assert.That(OneByOne(1 + Math.ScaleB(1, -11)), Is.EqualTo(0x3C00));
            Assert.That(OneByOne(1 + (3 * Math.ScaleB(1, -11))), Is.EqualTo(0x3C02));
            Assert.That(OneByOne(65520), Is.EqualTo(0x7C00));
            Assert.That(OneByOne(65504), Is.EqualTo(0x7BFF));
            Assert.That(OneByOne(-2), Is.EqualTo(-16384));
        });
    }

    [Test]
    public void Should_keep_a_classifier_result_in_fp32()
    {
        // 1 x 1 classifier: 1·(1 + 2^-11) + 0 stays 1 + 2^-11 in fp32 (no rounding to fp16).
        var settings = Settings("fp16", "fp32");
        var spec = Datapath.Quantizers(Datapath.FixedPrecision(settings), settings).Activations;
        var q = new LayerQuantization(spec.WithScale(1), spec.WithScale(1), null, [0]);
        int one = BitConverter.HalfToInt16Bits((Half)1);
        var kernel = Datapath.CreateKernel(q, new[,] { { one } }, Datapath.FixedPrecision(settings), settings);
        int fp32 = BitConverter.SingleToInt32Bits(1f + MathF.ScaleB(1, -11));
        Assert.That(kernel.Finish(fp32, 0, 0), Is.EqualTo(fp32));
    }

    [Test]
    public void Should_run_only_at_the_widths_of_its_formats()
    {
        var settings = Settings("fp16", "fp32");
        Assert.Multiple(() =>
        {
            Assert.That(Datapath.FixedPrecision(settings), Is.EqualTo(new Precision(16, 16, 32)));
            Assert.That(Datapath.FixedPrecision(Settings("fp32", "fp16")), Is.EqualTo(new Precision(32, 32, 16)));
            Assert.That(Datapath.CheckPrecision(new Precision(16, 16, 32), settings), Is.Empty);
            Assert.That(
                Datapath.CheckPrecision(new Precision(8, 8, 32), settings).Select(p => p.Field),
                Is.EqualTo(new[] { DatapathProblem.WeightBits, DatapathProblem.ActivationBits }));
            Assert.That(Datapath.CheckPrecision(new Precision(16, 16, 16), settings).Select(p => p.Field), Is.EqualTo(new[] { DatapathProblem.AccumulatorBits }));
            Assert.That(((IDatapath)new Lsq.LsqDatapath()).FixedPrecision(DatapathSettings.Resolve(new Lsq.LsqDatapath(), null)), Is.Null);
        });
    }

    [Test]
    public void Should_take_every_bit_pattern_of_its_format_as_a_code()
    {
        // fp32 patterns fill the whole int range; fp16 patterns the 16-bit two's-complement range.
        var fp32 = Datapath.Quantizers(new Precision(32, 32, 32), Settings("fp32", "fp32")).Weights;
        var fp16 = Datapath.Quantizers(new Precision(16, 16, 32), Settings("fp16", "fp32")).Weights;
        Assert.Multiple(() =>
        {
            Assert.That((fp32.QMin, fp32.QMax), Is.EqualTo((int.MinValue, int.MaxValue)));
            Assert.That((fp16.QMin, fp16.QMax), Is.EqualTo((-32768, 32767)));
            Assert.That(fp16.ScaleKind, Is.EqualTo(ScaleKind.FloatPattern));
        });
    }

    /// <summary>The fp16 output of a 1 x 1 layer with weight 1, input 1 and the fp32 bias <paramref name="bias"/>.</summary>
    private static int OneByOne(double bias)
    {
        var settings = Settings("fp16", "fp32");
        var precision = Datapath.FixedPrecision(settings);
        var spec = Datapath.Quantizers(precision, settings).Activations;
        int one = BitConverter.HalfToInt16Bits((Half)1);
        var q = new LayerQuantization(spec.WithScale(1), spec.WithScale(1), spec.WithScale(1), [BitConverter.SingleToInt32Bits((float)bias)]);
        // 1·1 + 1·(−1) = +0 exactly, so the output is round_fp16(0 + bias): the output unit's rounding alone.
        int minusOne = BitConverter.HalfToInt16Bits((Half)(-1));
        return Datapath.CreateKernel(q, new[,] { { one }, { minusOne } }, precision, settings).Gemm(new[,] { { one, one } })[0, 0];
    }

    private static double Value(Random random) => Math.Round((random.NextDouble() * 6) - 3, 6);

    /// <summary>The sign-extended pattern of <paramref name="v"/> rounded to <paramref name="format"/>, by .NET's types.</summary>
    private static int Pattern(FloatFormat format, double v) => format.Name switch
    {
        "fp16" => BitConverter.HalfToInt16Bits((Half)v),
        "fp32" => BitConverter.SingleToInt32Bits((float)v),
        _ => (short)(BitConverter.SingleToUInt32Bits(Bf16((float)v)) >> 16),
    };

    private static double Value(FloatFormat format, int pattern) => format.Name switch
    {
        "fp16" => (double)BitConverter.Int16BitsToHalf((short)pattern),
        "fp32" => BitConverter.Int32BitsToSingle(pattern),
        _ => BitConverter.UInt32BitsToSingle((uint)(ushort)pattern << 16),
    };

    /// <summary>FloatDatapath's definition, with .NET's float types doing every rounding.</summary>
    private static int Reference(int[,] x, int[,] w, int[] bias, int row, int column, string multiply, string accumulate, bool classifier)
    {
        var m = FloatFormat.Of(multiply);
        var a = FloatFormat.Of(accumulate);
        double ToAccumulate(double v) => accumulate == "fp16" ? (double)(Half)v : (float)v;
        double acc = 0;
        for (int k = 0; k < x.GetLength(1); k++)
        {
            acc = ToAccumulate(acc + ToAccumulate(Value(m, x[row, k]) * Value(m, w[k, column])));
        }

        double corrected = ToAccumulate(acc + Value(a, bias[column]));
        return classifier ? Pattern(a, corrected) : Pattern(m, corrected);
    }

    /// <summary>bfloat16 by the usual round-to-nearest-even bit shift of a binary32.</summary>
    private static float Bf16(float f)
    {
        uint bits = BitConverter.SingleToUInt32Bits(f);
        uint rounded = (bits + 0x7FFF + ((bits >> 16) & 1)) & 0xFFFF0000;
        return BitConverter.UInt32BitsToSingle(rounded);
    }
}
