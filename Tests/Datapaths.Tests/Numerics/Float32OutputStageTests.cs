using QuantSim.Datapaths.Numerics;

namespace QuantSim.Datapaths.Tests.Numerics;

/// <summary>ONNX Runtime's float32 requantizer on values worked out by hand.</summary>
[TestFixture]
public sealed class Float32OutputStageTests
{
    private static Float32OutputStage Stage(float[] scales, int zeroPoint = 0, int qMin = 0, int qMax = 255, int[]? bias = null) =>
        new(AccumulatorOutput.WithBias([.. bias ?? new int[scales.Length]], 32), [.. scales], zeroPoint, qMin, qMax);

    [TestCase(5, 2)]   // 2.5 -> 2 (even)
    [TestCase(7, 4)]   // 3.5 -> 4 (even)
    [TestCase(9, 4)]   // 4.5 -> 4
    [TestCase(6, 3)]   // 3 exactly
    [TestCase(11, 6)]  // 5.5 -> 6
    public void Should_round_ties_to_the_even_code(int accumulator, int expected) =>
        Assert.That(Stage([0.5f]).Finish(accumulator, 0, 0), Is.EqualTo(expected));

    [Test]
    public void Should_round_negative_ties_to_even_before_the_zero_point_and_saturate_after_it()
    {
        var stage = Stage([0.5f], zeroPoint: 10);
        Assert.Multiple(() =>
        {
            Assert.That(stage.Finish(-5, 0, 0), Is.EqualTo(8));      // -2.5 -> -2, + 10
            Assert.That(stage.Finish(-7, 0, 0), Is.EqualTo(6));      // -3.5 -> -4, + 10
            Assert.That(stage.Finish(-100, 0, 0), Is.EqualTo(0));    // -50 + 10 saturates at 0
            Assert.That(stage.Finish(1000, 0, 0), Is.EqualTo(255));  // 500 + 10 saturates at 255
            Assert.That(stage.Finish(int.MaxValue, 0, 0), Is.EqualTo(255));
            Assert.That(stage.Finish(int.MinValue, 0, 0), Is.EqualTo(0));
        });
    }

    [Test]
    public void Should_add_the_bias_and_use_each_channels_scale()
    {
        var stage = Stage([0.25f, 2f], bias: [3, -1]);
        Assert.Multiple(() =>
        {
            Assert.That(stage.Finish(7, 0, 0), Is.EqualTo(2));  // (7 + 3)·0.25 = 2.5 -> 2
            Assert.That(stage.Finish(7, 1, 0), Is.EqualTo(12)); // (7 − 1)·2 = 12
        });
    }

    [Test]
    public void Should_convert_the_accumulator_to_float32_before_the_multiply()
    {
        // 3·2^23 − 1 = 25165823 is odd and above 2^24, where float32 steps by 2: it is a tie between 25165822
        // and 25165824 and converts to the even mantissa, 25165824. Times 2^-24 that is 1.5 exactly -> 2 (even),
        // where the exact product 1.49999994 would round to 1.
        var stage = Stage([MathF.ScaleB(1f, -24)]);
        Assert.That(stage.Finish(25165823, 0, 0), Is.EqualTo(2));
    }

    [Test]
    public void Should_compute_the_factor_in_float32_as_onnx_runtime_does()
    {
        var spec = new QuantizerSpec(8, false, Granularity.PerTensor, ScaleKind.Real, true);
        var weights = new QuantizerSpec(8, true, Granularity.PerChannel, ScaleKind.Real, false);
        var q = new LayerQuantization(spec.WithScale(0.1f, 3), weights.WithScales([0.3f, 0.7f]), spec.WithScale(0.9f, 5), [0, 0]);
        float[] expected = [0.1f * 0.3f / 0.9f, 0.1f * 0.7f / 0.9f];
        Assert.That(Float32OutputStage.ScalesOf(q), Is.EqualTo(expected));
    }
}
