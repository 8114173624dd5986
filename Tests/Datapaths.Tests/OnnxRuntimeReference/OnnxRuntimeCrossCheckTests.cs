using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Tests.OnnxRuntimeReference;

/// <summary>
/// The plug-ins' integer kernels against ONNX Runtime (Microsoft.ML.OnnxRuntime, CPU), a reference no one
/// here wrote: random uint8/int8 layers as one QLinearConv or QLinearMatMul node, element by element.
/// With <c>rounding: float32-half-even</c> every output code must equal ONNX Runtime's; with the default
/// fixed-point requantizer the codes may differ by one where the two roundings part (ties and near-ties).
/// </summary>
[TestFixture]
public sealed class OnnxRuntimeCrossCheckTests
{
    private const int Cases = 200;

    public static IEnumerable<TestCaseData> Operators()
    {
        yield return new TestCaseData("QLinearConv").SetArgDisplayNames("QLinearConv");
        yield return new TestCaseData("QLinearMatMul").SetArgDisplayNames("QLinearMatMul");
    }

    [TestCaseSource(nameof(Operators))]
    public void Should_equal_onnx_runtime_code_for_code_with_float32_half_even_rounding(string op)
    {
        var random = new Random(op == "QLinearConv" ? 1801 : 1802);
        long outputs = 0, inside = 0;
        var variants = new HashSet<string>();
        for (int trial = 0; trial < Cases; trial++)
        {
            // Given a random layer in ONNX Runtime and in the matching plug-in.
            var layer = op == "QLinearConv" ? QLinearCase.Conv(random) : QLinearCase.MatMul(random);

            // When both run it.
            int[] expected = layer.RunOnnxRuntime();
            int[] actual = layer.RunKernel(RoundingOption.Float32HalfEven);

            // Then every output code is ONNX Runtime's.
            Assert.That(actual, Is.EqualTo(expected), $"trial {trial}: {layer.Description}");
            outputs += actual.Length;
            inside += actual.Count(v => v is > 0 and < 255);
            variants.Add(layer.Datapath.Name);
        }

        // The comparison means something: many outputs are not clamped (without a zero point, every negative
        // sum clamps to 0, about half of those variants' outputs), and every plug-in ran.
        Assert.That(inside, Is.GreaterThan(outputs / 3), $"{inside} of {outputs} outputs strictly inside the codes");
        Assert.That(variants, Is.EquivalentTo(new[] { "scale-offset", "lsq", "per-channel" }));
    }

    [TestCaseSource(nameof(Operators))]
    public void Should_differ_from_onnx_runtime_by_at_most_one_code_with_fixed_point_rounding(string op)
    {
        var (all, _, _, _) = FixedPointAgainstOnnxRuntime(op, Cases);
        Assert.That(all.MaxAbsoluteDifference, Is.LessThanOrEqualTo(1), all.ToString());
    }

    /// <summary>
    /// The figures of docs/onnx.md: fixed-point requantization against ONNX Runtime on <paramref name="cases"/>
    /// random layers of one operator, in all, with real-valued scales and with power-of-two scales. Printed
    /// (run with <c>--logger "console;verbosity=detailed"</c> to see them).
    /// </summary>
    public static (RoundingDifference All, RoundingDifference Real, RoundingDifference PowersOfTwo, RoundingDifference Float32) FixedPointAgainstOnnxRuntime(string op, int cases)
    {
        var random = new Random(op == "QLinearConv" ? 1801 : 1802);
        var all = new RoundingDifference();
        var real = new RoundingDifference();
        var powersOfTwo = new RoundingDifference();
        var float32 = new RoundingDifference();
        for (int trial = 0; trial < cases; trial++)
        {
            var layer = op == "QLinearConv" ? QLinearCase.Conv(random) : QLinearCase.MatMul(random);
            int[] ort = layer.RunOnnxRuntime(), fixedPoint = layer.RunKernel(RoundingOption.FixedPoint);
            all.Add(ort, fixedPoint);
            (layer.PowerOfTwoScales ? powersOfTwo : real).Add(ort, fixedPoint);
            float32.Add(ort, layer.RunKernel(RoundingOption.Float32HalfEven));
        }

        TestContext.Out.WriteLine($"{op}, {cases} random layers, fixed-point vs ONNX Runtime: {all}");
        TestContext.Out.WriteLine($"  real-valued scales: {real}");
        TestContext.Out.WriteLine($"  power-of-two scales: {powersOfTwo}");
        TestContext.Out.WriteLine($"float32-half-even vs ONNX Runtime: {float32}");
        return (all, real, powersOfTwo, float32);
    }

    [Test]
    public void Should_round_exact_ties_to_even_as_onnx_runtime_does_and_up_in_fixed_point()
    {
        // Given x = 0..255 times a weight of 1 (K = 1), rescaled by exactly 1/2 (s_in = s_w = 1/16, s_out = 1/128):
        // every odd x is a tie x/2 = j + 1/2.
        byte[] x = [.. Enumerable.Range(0, 256).Select(v => (byte)v)];
        var operands = new QLinearOperands(1f / 16, 0, [1f / 16], 1f / 128, 0);
        byte[] model = QLinearModel.MatMul(operands, 256, [1], 1, 1);
        DatapathRegistry.Default.TryGet("lsq", out var lsq);
        var specs = lsq.Quantizers(Precision.W8A8, DatapathSettings.Resolve(lsq));
        var q = new LayerQuantization(specs.Activations.WithScale(1.0 / 16), specs.Weights.WithScale(1.0 / 16), specs.Activations.WithScale(1.0 / 128), [0]);
        var layer = new FullyConnectedLayer("tie", 1, 1) { Batch = 256 };
        int[] Kernel(string rounding) => LayerRunner.FullyConnected(
            lsq.CreateKernel(q, new[,] { { 1 } }, Precision.W8A8, DatapathSettings.Resolve(lsq, new Dictionary<string, string> { [RoundingOption.Key] = rounding })),
            layer, [.. x.Select(v => (int)v)]);

        // When ONNX Runtime and both rounding modes run it.
        int[] ort = [.. OrtRunner.Run(model, x, [256, 1]).Select(v => (int)v)];

        // Then ONNX Runtime rounds ties to the even neighbour (by hand: 1 -> 0, 3 -> 2, 5 -> 2, 7 -> 4), the
        // float32 mode equals it, and fixed point rounds ties up ((x + 1) / 2): they part exactly at x = 1 mod 4.
        int[] halfEven = [.. x.Select(v => v % 4 == 1 ? (v - 1) / 2 : (v + 1) / 2)];
        int[] halfUp = [.. x.Select(v => (v + 1) / 2)];
        Assert.That(ort, Is.EqualTo(halfEven));
        Assert.That(Kernel(RoundingOption.Float32HalfEven), Is.EqualTo(halfEven));
        Assert.That(Kernel(RoundingOption.FixedPoint), Is.EqualTo(halfUp));
        Assert.That(halfEven.Zip(halfUp).Count(p => p.First != p.Second), Is.EqualTo(64));
    }
}
