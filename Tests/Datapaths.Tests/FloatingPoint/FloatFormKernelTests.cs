using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Numerics;
using QuantSim.Datapaths.ScaleOffset;
using QuantSim.Datapaths.Tests.Reference;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Tests.FloatingPoint;

/// <summary>
/// scale-offset <c>float-at-edge</c>: the kernel against a plain scalar reference written with .NET's own float
/// types (System.Half, float, double and the bfloat16 bit shift), a hand-chosen unfused-MAC case, and its precision rule.
/// </summary>
[TestFixture]
public sealed class FloatFormKernelTests
{
    private static readonly ScaleOffsetDatapath Datapath = new();

    private static DatapathSettings Settings(string multiply, string accumulate, string weights = "symmetric") =>
        DatapathSettings.Resolve(Datapath, new Dictionary<string, string>
        {
            ["form"] = "float-at-edge", ["float_multiply"] = multiply, ["float_accumulate"] = accumulate, ["weights"] = weights,
        });

    [TestCase("fp16", "fp32", "symmetric")]
    [TestCase("fp16", "fp32", "asymmetric")]
    [TestCase("bf16", "fp32", "symmetric")]
    [TestCase("fp32", "fp32", "asymmetric")]
    [TestCase("fp16", "fp16", "symmetric")]
    public void Should_match_the_scalar_reference_on_random_layers(string multiply, string accumulate, string weights)
    {
        var random = new Random((multiply + accumulate + weights).Sum(c => c));
        var settings = Settings(multiply, accumulate, weights);
        int inside = 0, total = 0;
        for (int trial = 0; trial < 30; trial++)
        {
            // Given a random fully connected layer at w4/w8 x a4/a8, every fourth one a classifier (no output quantizer).
            var precision = new Precision(random.Next(0, 2) == 0 ? 4 : 8, random.Next(0, 2) == 0 ? 4 : 8, accumulate == "fp16" ? 16 : 32);
            var specs = Datapath.Quantizers(precision, settings);
            int m = random.Next(1, 5), k = random.Next(1, 200), n = random.Next(1, 9);
            var q = RandomLayers.Quantization(random, specs, n, k);
            if (trial % 4 == 3)
            {
                q = q with { Output = null };
            }

            var x = new int[m, k];
            var w = new int[k, n];
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < k; j++)
                {
                    x[i, j] = random.Next(specs.Activations.QMin, specs.Activations.QMax + 1);
                }
            }

            for (int i = 0; i < k; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    w[i, j] = random.Next(specs.Weights.QMin, specs.Weights.QMax + 1);
                }
            }

            // When the kernel runs it, Then every output equals the reference's.
            int[,] actual = Datapath.CreateKernel(q, w, precision, settings).Gemm(x);
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    int expected = Reference(q, x, w, i, j, multiply, accumulate);
                    Assert.That(actual[i, j], Is.EqualTo(expected), $"trial {trial}: output ({i}, {j}) of {m}x{k}x{n} at {precision}");
                    if (q.Output is not null)
                    {
                        inside += expected > q.Output.QMin && expected < q.Output.QMax ? 1 : 0;
                        total++;
                    }
                }
            }
        }

        // And the cases are not all saturated (asymmetric weights' zero points push more of them to the rails).
        Assert.That(inside, Is.GreaterThan(total / 50), "outputs strictly inside the code range");
    }

    [Test]
    public void Should_round_the_product_before_the_add_unfused()
    {
        // (1 + 2^-12)^2 = 1 + 2^-11 + 2^-24: the 2^-24 is exactly half an fp32 ulp at 1 and rounds to even (away);
        // adding -(1 + 2^-11) then gives exactly 0, where a fused multiply-add would keep 2^-24.
        var unit = new FloatMacUnit(FloatFormat.Fp32, FloatFormat.Fp32);
        int a = BitConverter.SingleToInt32Bits(1f + MathF.Pow(2, -12));
        long minus = BitConverter.SingleToUInt32Bits(-(1f + MathF.Pow(2, -11)));
        long sum = unit.Accumulate(minus, unit.Multiply(a, a));
        Assert.That(BitConverter.UInt32BitsToSingle((uint)sum), Is.EqualTo(0f));
        Assert.That(MathF.FusedMultiplyAdd(1f + MathF.Pow(2, -12), 1f + MathF.Pow(2, -12), -(1f + MathF.Pow(2, -11))), Is.EqualTo(MathF.Pow(2, -24)));
    }

    [Test]
    public void Should_round_fp16_sums_to_even()
    {
        // fp16 spacing at 2048 is 2: 2048 + 1 is a tie to the even 2048, 2048 + 3 = 2051 a tie to the even 2052.
        var unit = new FloatMacUnit(FloatFormat.Fp16, FloatFormat.Fp16);
        long Bits(double v) => BitConverter.HalfToUInt16Bits((Half)v);
        Assert.That(unit.Accumulate(Bits(2048), Bits(1)), Is.EqualTo(Bits(2048)));
        Assert.That(unit.Accumulate(Bits(2048), Bits(3)), Is.EqualTo(Bits(2052)));
    }

    [Test]
    public void Should_require_the_accumulator_width_of_its_float_format()
    {
        var problems = Datapath.CheckPrecision(new Precision(8, 8, 32), Settings("fp16", "fp16")).ToList();
        Assert.That(problems.Select(p => p.Field), Is.EqualTo(new[] { DatapathProblem.AccumulatorBits }));
        Assert.That(Datapath.CheckPrecision(new Precision(8, 8, 16), Settings("fp16", "fp16")), Is.Empty);
        Assert.That(AccumulatorSizing.Required(Datapath, Settings("bf16", "fp32"), new Precision(8, 8, 32), 4096), Is.EqualTo(32));
    }

    /// <summary>The definition in FloatForm's documentation, with .NET's float types doing every rounding.</summary>
    private static int Reference(LayerQuantization q, int[,] x, int[,] w, int row, int column, string multiply, string accumulate)
    {
        double sx = q.Input.Scale(), sw = q.Weights.Scale();
        int zx = q.Input.ZeroPoint(), zw = q.Weights.ZeroPoint();
        double ToMultiply(double v) => multiply switch
        {
            "fp16" => (double)(Half)v,
            "fp32" => (float)v,
            _ => Bf16((float)v),
        };
        double ToAccumulate(double v) => accumulate == "fp16" ? (double)(Half)v : (float)v;

        double scaleX = ToMultiply(sx), scaleW = ToMultiply(sw);
        double acc = 0;
        for (int k = 0; k < x.GetLength(1); k++)
        {
            double a = ToMultiply(scaleX * (x[row, k] - zx));
            double b = ToMultiply(scaleW * (w[k, column] - zw));
            acc = ToAccumulate(acc + ToAccumulate(a * b));
        }

        double corrected = ToAccumulate(acc + ToAccumulate(q.Bias[column] * sx * sw));
        double rescale = ToAccumulate(q.Output is null ? 1.0 / (sx * sw) : 1.0 / q.Output.Scale());
        double v = ToAccumulate(corrected * rescale);
        int z = q.Output?.ZeroPoint() ?? 0;
        long lo = q.Output?.QMin ?? int.MinValue, hi = q.Output?.QMax ?? int.MaxValue;
        if (double.IsNaN(v))
        {
            return (int)lo;
        }

        double rounded = Math.Round(Math.Clamp(v, lo - z, hi - z), MidpointRounding.ToEven);
        return (int)Math.Clamp((long)rounded + z, lo, hi);
    }

    /// <summary>bfloat16 by the usual round-to-nearest-even bit shift of a binary32 (the value is exact in a float here).</summary>
    private static double Bf16(float f)
    {
        uint bits = BitConverter.SingleToUInt32Bits(f);
        uint rounded = (bits + 0x7FFF + ((bits >> 16) & 1)) & 0xFFFF0000;
        return BitConverter.UInt32BitsToSingle(rounded);
    }
}
