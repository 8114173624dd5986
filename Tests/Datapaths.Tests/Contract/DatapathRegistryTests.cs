using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Numerics;
using QuantSim.Simulator.Config;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Tests.Contract;

[TestFixture]
public sealed class DatapathRegistryTests
{
    private static DatapathRegistry WithTestVariant() => DatapathRegistry.Default.With(new UnsignedFixedPointTestDatapath());

    [Test]
    public void Should_list_the_six_built_in_variants_in_declared_order()
    {
        Assert.That(DatapathRegistry.Default.Names, Is.EqualTo(new[] { "fixed-point", "lsq", "per-channel", "scale-offset", "mixed-precision", "float" }));
    }

    [Test]
    public void Should_take_a_new_variant_given_to_the_registry()
    {
        // Given a variant class defined only in this test assembly, When a registry is built with it,
        // Then the registry lists it and it can run a layer.
        var registry = WithTestVariant();
        Assert.That(registry.TryGet("unsigned-fixed-point-test", out var variant), Is.True);
        Assert.That(registry.Names, Has.Member("lsq"));

        // 1x1 FC: x = 3 (f = 0), w = 5 (f = 2, so 1.25), out f = 0: 15 / 4 = 3.75 -> 4.
        var precision = Precision.W8A8;
        var settings = DatapathSettings.Resolve(variant);
        var specs = variant.Quantizers(precision, settings);
        var q = LayerQuantization.WithoutBias(specs.Activations.WithFractionalBits(0), specs.Weights.WithFractionalBits(2), specs.Activations.WithFractionalBits(0), 1);
        var kernel = variant.CreateKernel(q, new[,] { { 5 } }, precision, settings);
        Assert.That(kernel.Gemm(new[,] { { 3 } })[0, 0], Is.EqualTo(4));
    }

    [Test]
    public void Should_accept_the_new_variant_in_a_config_with_its_options()
    {
        var reader = new AcceleratorConfigReader(WithTestVariant());
        var config = reader.Read("t.yaml", ConfigTexts.With("kind: unsigned-fixed-point-test\n  weight_bits: 4\n  activation_bits: 4\n  rounding: nearest"));
        Assert.That(config.Datapath.Name, Is.EqualTo("unsigned-fixed-point-test"));
        Assert.That(config.Datapath.Settings["rounding"], Is.EqualTo("nearest"));
    }

    [Test]
    public void Should_refuse_two_variants_with_one_name()
    {
        Assert.Throws<ArgumentException>(() => new DatapathRegistry([new Lsq.LsqDatapath(), new Lsq.LsqDatapath()]));
    }
}
