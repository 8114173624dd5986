using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Numerics;
using QuantSim.Input;
using QuantSim.Simulator.Config;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Tests.Contract;

/// <summary>
/// The <c>rounding</c> option: offered by the multiplier-requantizer variants that match ONNX Runtime's
/// QLinear operators, read from a config's <c>datapath:</c> section, located when wrong, and a numerics choice.
/// </summary>
[TestFixture]
public sealed class RoundingOptionTests
{
    [TestCase("lsq")]
    [TestCase("per-channel")]
    [TestCase("scale-offset")]
    public void Should_read_float32_half_even_rounding_from_a_config(string kind)
    {
        var config = AcceleratorConfigReader.Default.Read("ok.yaml", ConfigTexts.With($"kind: {kind}\n  weight_bits: 8\n  activation_bits: 8\n  rounding: float32-half-even"));
        Assert.That(config.Datapath.Settings[RoundingOption.Key], Is.EqualTo(RoundingOption.Float32HalfEven));
        Assert.That(RoundingOption.Of(config.Datapath.Settings), Is.EqualTo(RequantizeRounding.Float32HalfEven));
    }

    [TestCase("lsq")]
    [TestCase("scale-offset")]
    public void Should_default_to_the_fixed_point_requantizer(string kind)
    {
        var config = AcceleratorConfigReader.Default.Read("ok.yaml", ConfigTexts.With($"kind: {kind}\n  weight_bits: 8\n  activation_bits: 8"));
        Assert.That(config.Datapath.Settings[RoundingOption.Key], Is.EqualTo(RoundingOption.FixedPoint));
    }

    [Test]
    public void Should_reject_an_unknown_rounding_at_its_line_with_the_allowed_values()
    {
        var ex = Assert.Throws<InputException>(() => AcceleratorConfigReader.Default.Read(
            "bad.yaml", ConfigTexts.With("kind: per-channel\n  weight_bits: 8\n  activation_bits: 8\n  rounding: nearest")));
        var error = ex!.Errors.Single();
        Assert.Multiple(() =>
        {
            Assert.That(error.Field, Is.EqualTo("datapath.rounding"));
            Assert.That(error.Line, Is.GreaterThan(0));
            Assert.That(error.Message, Does.Contain("unknown value 'nearest'; allowed for per-channel: fixed-point, float32-half-even"));
        });
    }

    [TestCase("fixed-point")]
    [TestCase("mixed-precision")]
    public void Should_not_be_offered_by_variants_without_a_multiplier_requantizer_matching_onnx_runtime(string kind)
    {
        DatapathRegistry.Default.TryGet(kind, out var datapath);
        Assert.That(datapath.Options.Select(o => o.Key), Does.Not.Contain(RoundingOption.Key));
    }

    [Test]
    public void Should_change_the_numerics_and_the_output_lane_only()
    {
        DatapathRegistry.Default.TryGet("lsq", out var lsq);
        var option = lsq.Options.Single(o => o.Key == RoundingOption.Key);
        var fixedPoint = lsq.Inventory(Precision.W8A8, DatapathSettings.Resolve(lsq));
        var float32 = lsq.Inventory(Precision.W8A8, DatapathSettings.Resolve(lsq, new Dictionary<string, string> { [RoundingOption.Key] = RoundingOption.Float32HalfEven }));
        Assert.Multiple(() =>
        {
            Assert.That(option.ChangesNumerics, Is.True);
            Assert.That(option.ChangesHardware, Is.True);
            Assert.That(option.NumericsClass(RoundingOption.Float32HalfEven), Is.EqualTo(RoundingOption.Float32HalfEven));
            Assert.That(option.NumericsClass(RoundingOption.FixedPoint), Is.Null);
            // The PE is the same; the lane multiplies in fp32 (one multiply, two conversions priced as fp32 adds)
            Assert.That(float32.In(QuantSim.Datapaths.Hardware.OpScope.PerMac).Select(o => o.ToString()), Is.EqualTo(fixedPoint.In(QuantSim.Datapaths.Hardware.OpScope.PerMac).Select(o => o.ToString())));
            Assert.That(float32.PeComponents, Is.EqualTo(fixedPoint.PeComponents));
            Assert.That(float32.In(QuantSim.Datapaths.Hardware.OpScope.PerOutput).Select(o => o.Kind), Is.EqualTo(new[]
            {
                QuantSim.Datapaths.Hardware.OpKind.Add, QuantSim.Datapaths.Hardware.OpKind.FloatAdd, QuantSim.Datapaths.Hardware.OpKind.FloatMultiply, QuantSim.Datapaths.Hardware.OpKind.Clamp, QuantSim.Datapaths.Hardware.OpKind.FloatAdd,
            }));
            Assert.That(float32.Parameters.Select(p => p.Name), Is.EqualTo(new[] { "bias", "fp32 scale s_in s_w / s_out" }));
        });
    }
}
