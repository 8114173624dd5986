using QuantSim.Workloads.Layers;
using QuantSim.Workloads.Zoo;

namespace QuantSim.Workloads.Tests.Layers;

/// <summary>The one GEMM view of a layer and its derived counts, derived by hand.</summary>
[TestFixture]
public sealed class GemmViewTests
{
    [Test]
    public void Should_view_a_grouped_conv_as_one_product_per_group()
    {
        // 6x6x4 input, 3x3, 6 filters, 2 groups, pad 1: output 6x6, so M = 36, K = 3*3*(4/2) = 18, N = 6/2 = 3
        var view = GemmView.Of(new ConvLayer("grp", 6, 6, 4, 3, 3, 6) { Groups = 2, PadH = 1, PadW = 1 });

        // Then: MACs 36*18*3*2 = 3,888; im2col elements 36*18*2 = 1,296; output rows 72; outputs 36*3*2 = 216; channels 6
        Assert.That(view, Is.EqualTo(new GemmView(36, 18, 3, 2)));
        Assert.That((view.Macs, view.RowActivations, view.OutputRows, view.Outputs, view.OutputChannels), Is.EqualTo((3_888L, 1_296L, 72L, 216L, 6)));
    }

    [Test]
    public void Should_view_fully_connected_and_gemm_layers_as_one_product()
    {
        Assert.That(GemmView.Of(new FullyConnectedLayer("fc", 512, 10) { Batch = 4 }), Is.EqualTo(new GemmView(4, 512, 10, 1)));
        Assert.That(GemmView.Of(new GemmLayer("g", 128, 64, 768)), Is.EqualTo(new GemmView(128, 768, 64, 1)));
    }

    [Test]
    public void Should_count_the_layers_own_macs_for_every_zoo_layer()
    {
        var layers = ModelZoo.All.SelectMany(m => m.Build().Layers).ToList();

        Assert.That(layers.Select(l => GemmView.Of(l).Macs), Is.EqualTo(layers.Select(l => l.Macs)));
        Assert.That(layers.Select(l => GemmView.Of(l).OutputChannels), Is.EqualTo(layers.Select(l => l.OutputChannels)));
    }
}
