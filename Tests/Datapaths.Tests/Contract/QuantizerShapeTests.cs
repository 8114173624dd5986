using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Tests.Contract;

/// <summary>Each variant's quantizer shapes, as its documentation states them, and option resolution.</summary>
[TestFixture]
public sealed class QuantizerShapeTests
{
    [TestCase("fixed-point", "int8 per-tensor 2^-f scale", "uint8 per-tensor 2^-f scale")]
    [TestCase("lsq", "int8 per-tensor real scale", "uint8 per-tensor real scale")]
    [TestCase("per-channel", "int8 per-channel real scale", "uint8 per-tensor real scale")]
    [TestCase("scale-offset", "int8 per-tensor real scale", "uint8 per-tensor real scale + zero point")]
    [TestCase("mixed-precision", "int8 per-tensor real scale", "uint8 per-tensor real scale")]
    public void Should_state_the_quantizer_shapes_at_w8a8(string kind, string weights, string activations)
    {
        Assert.That(DatapathRegistry.Default.TryGet(kind, out var datapath), Is.True);
        var q = datapath.Quantizers(Precision.W8A8, DatapathSettings.Resolve(datapath));
        Assert.That((q.Weights.ToString(), q.Activations.ToString()), Is.EqualTo((weights, activations)));
    }

    [Test]
    public void Should_give_asymmetric_scale_offset_weights_a_zero_point()
    {
        Assert.That(DatapathRegistry.Default.TryGet("scale-offset", out var datapath), Is.True);
        var settings = DatapathSettings.Resolve(datapath, new Dictionary<string, string> { ["weights"] = "asymmetric" });
        Assert.That(settings["form"], Is.EqualTo("in-pe"), "default filled in");
        Assert.That(datapath.Quantizers(Precision.W8A8, settings).Weights.HasZeroPoint, Is.True);
    }

    [Test]
    public void Should_refuse_unknown_options_and_values_in_code()
    {
        Assert.That(DatapathRegistry.Default.TryGet("lsq", out var lsq), Is.True);
        Assert.That(DatapathRegistry.Default.TryGet("scale-offset", out var offset), Is.True);
        Assert.Throws<ArgumentException>(() => DatapathSettings.Resolve(lsq, new Dictionary<string, string> { ["form"] = "folded" }));
        Assert.Throws<ArgumentException>(() => DatapathSettings.Resolve(offset, new Dictionary<string, string> { ["form"] = "sideways" }));
    }

    [Test]
    public void Should_refuse_a_layer_whose_quantizers_do_not_match_the_variant()
    {
        // Given lsq (unsigned activations) and a signed activation quantizer, When a kernel is built, Then it throws.
        Assert.That(DatapathRegistry.Default.TryGet("lsq", out var lsq), Is.True);
        var settings = DatapathSettings.Resolve(lsq);
        var specs = lsq.Quantizers(Precision.W8A8, settings);
        var signed = specs.Activations with { Signed = true };
        var q = LayerQuantization.WithoutBias(signed.WithScale(0.1), specs.Weights.WithScale(0.01), specs.Activations.WithScale(0.2), 1);
        Assert.Throws<ArgumentException>(() => lsq.CreateKernel(q, new int[1, 1], Precision.W8A8, settings));
    }
}
