using System.Collections.Immutable;
using QuantSim.Workloads.Layers;
using QuantSim.Workloads.Tests.Zoo;
using QuantSim.Workloads.Traces;

namespace QuantSim.Workloads.Tests.Traces;

[TestFixture]
public sealed class ScaleSimTopologyWriterTests
{
    [TestCase("alexnet_inputs/alexnet.csv")]
    [TestCase("alexnet_inputs/alexnet_part.csv")]
    [TestCase("topologies/mobilenet.csv")]
    [TestCase("topologies/Resnet18.csv")]
    [TestCase("topologies/Resnet50.csv")]
    [TestCase("topologies/NCF.csv")]
    [TestCase("topologies/test_mnk_input.csv")]
    [TestCase("topologies/transformer_partial.csv")]
    [TestCase("tiny_conv_8x8_os/tiny_conv.csv")]
    [TestCase("tiny_gemm_8x8_os/tiny_gemm.csv")]
    public void Should_read_back_a_scalesim_topology_equal_after_writing_it(string file)
    {
        // Given a topology read from SCALE-Sim's own file
        var original = ScaleSimTopologyReader.ReadFile(Fixtures.File(file));

        // When it is written and read again
        var again = ScaleSimTopologyReader.Read("again.csv", ScaleSimTopologyWriter.Write(original), original.Name);

        // Then it is the same workload
        Assert.That(again, Is.EqualTo(original));
    }

    [TestCase("lenet5")]
    [TestCase("resnet20")]
    [TestCase("vgg16")]
    [TestCase("resnet18")]
    [TestCase("resnet50")]
    [TestCase("mobilenetv2")]
    [TestCase("bert-base-128")]
    public void Should_export_a_zoo_model_so_scalesim_does_the_same_work_per_layer(string name)
    {
        // Given a zoo model with padding, depthwise layers, FC layers or GEMMs
        var model = ModelZooTests.Get(name);

        // When exported to SCALE-Sim's format and read back as SCALE-Sim would read it
        var exported = ScaleSimTopologyReader.Read("x.csv", ScaleSimTopologyWriter.Write(model), name);

        // Then every layer does the same MACs and, for convolutions, produces the same ofmap
        Assert.That(exported.Layers.Select(l => l.Macs), Is.EqualTo(model.Layers.Select(l => l.Macs)));
        var pairs = model.Layers.Zip(exported.Layers).Where(p => p.First is ConvLayer).ToList();
        Assert.That(pairs.Select(p => Ofmap((ConvLayer)p.Second)), Is.EqualTo(pairs.Select(p => Ofmap((ConvLayer)p.First))));
    }

    [Test]
    public void Should_write_scalesim_rows_with_covered_input_sizes_dp_names_and_trailing_commas()
    {
        // Given a padded conv, a stride that does not divide the input, a depthwise conv, an FC and a GEMM
        var workload = new Workload("w", ImmutableArray.Create<Layer>(
            new ConvLayer("conv1", 224, 224, 3, 7, 7, 64) { StrideH = 2, StrideW = 2, PadH = 3, PadW = 3 },
            new ConvLayer("odd", 224, 224, 3, 11, 11, 96) { StrideH = 4, StrideW = 4 },
            ConvLayer.Depthwise("dw", 112, 112, 32, 3, 1, 1),
            new FullyConnectedLayer("fc", 512, 1000),
            new GemmLayer("qk", 128, 128, 64)));

        // When written
        string text = ScaleSimTopologyWriter.Write(workload);

        // Then, by hand: conv1 ofmap (224+6-7)/2+1 = 112 -> IFMAP 7 + 111*2 = 229, SCALE-Sim ceil((229-7+2)/2) = 112;
        // odd rounds down to (224-11)/4+1 = 54 -> IFMAP 11 + 53*4 = 223, ceil((223-11+4)/4) = 54;
        // dw pad 1 -> 3 + 111 = 114; 1 filter per channel, name marked DP; fc as 1x1 conv on a 1x1 map;
        // gemm as SCALE-Sim's -i gemm maps it (IFMAP M x K, filter 1 x K, N filters).
        Assert.That(text, Is.EqualTo(
            "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,\n"
            + "conv1,229,229,7,7,3,64,2,\n"
            + "odd,223,223,11,11,3,96,4,\n"
            + "dw_DP,114,114,3,3,32,1,1,\n"
            + "fc,1,1,1,1,512,1000,1,\n"
            + "qk,128,64,1,64,1,128,1,\n"));
    }

    [Test]
    public void Should_write_the_gemm_form_when_every_layer_is_a_gemm_and_im2col_convs_on_request()
    {
        var gemms = new Workload("g", ImmutableArray.Create<Layer>(new GemmLayer("g1", 8, 16, 32)));
        Assert.That(ScaleSimTopologyWriter.Write(gemms), Is.EqualTo("Layer,M,N,K,\ng1,8,16,32,\n"));

        // A 3x3 conv on 8x8x4 with 16 filters, pad 1: M = 8*8 ofmap pixels, N = 16, K = 3*3*4 window
        var convs = new Workload("c", ImmutableArray.Create<Layer>(new ConvLayer("c1", 8, 8, 4, 3, 3, 16) { PadH = 1, PadW = 1 }));
        Assert.That(ScaleSimTopologyWriter.Write(convs, ScaleSimForm.Gemm), Is.EqualTo("Layer,M,N,K,\nc1,64,16,36,\n"));
    }

    [Test]
    public void Should_refuse_what_scalesim_cannot_express()
    {
        // AlexNet's 2-group convolutions have no SCALE-Sim form
        Assert.That(() => ScaleSimTopologyWriter.Write(ModelZooTests.Get("alexnet")),
            Throws.TypeOf<NotSupportedException>().With.Message.EqualTo("layer 'conv2' has 2 groups (only depthwise convolutions can be written), which a SCALE-Sim topology cannot express"));
        var dilated = new Workload("d", ImmutableArray.Create<Layer>(new ConvLayer("d1", 8, 8, 4, 3, 3, 16) { DilationH = 2 }));
        Assert.That(() => ScaleSimTopologyWriter.Write(dilated), Throws.TypeOf<NotSupportedException>());
        var misnamed = new Workload("m", ImmutableArray.Create<Layer>(new ConvLayer("DPconv", 8, 8, 4, 3, 3, 16)));
        Assert.That(() => ScaleSimTopologyWriter.Write(misnamed), Throws.TypeOf<NotSupportedException>());
    }

    private static (int Height, int Width, int Channels) Ofmap(ConvLayer c) => (c.OutputHeight, c.OutputWidth, c.Filters);
}
