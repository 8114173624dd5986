using System.Collections.Immutable;
using QuantSim.Workloads.Layers;
using QuantSim.Workloads.Tests.Zoo;
using QuantSim.Workloads.Traces;
using QuantSim.Workloads.Zoo;

namespace QuantSim.Workloads.Tests.Traces;

[TestFixture]
public sealed class QuantSimTraceTests
{
    private static IEnumerable<string> ZooNames => ModelZoo.Names;

    [TestCaseSource(nameof(ZooNames))]
    public void Should_read_back_every_zoo_model_equal_after_writing_it(string name)
    {
        // Given a zoo model (groups, padding, biases, batch norm, fc, gemm with and without weights)
        var model = ModelZooTests.Get(name);

        // When it is written as a trace and read back
        var read = QuantSimTraceReader.Read("t.csv", QuantSimTraceWriter.Write(model), model.Name);

        // Then every layer is equal, record by record
        Assert.That(read, Is.EqualTo(model));
        Assert.That((read.Macs, read.Parameters), Is.EqualTo((model.Macs, model.Parameters)));
    }

    [Test]
    public void Should_round_trip_per_layer_precision_dilation_ceil_mode_and_rectangular_shapes()
    {
        // Given a mixed-precision workload using every optional conv field
        var workload = new Workload("mixed", ImmutableArray.Create<Layer>(
            new ConvLayer("stem", 33, 31, 3, 3, 5, 16)
            {
                StrideH = 2, StrideW = 1, PadH = 1, PadW = 2, DilationH = 2, DilationW = 1, CeilMode = true,
                Precision = new Precision(8, 8, 32), HasBias = true,
            },
            ConvLayer.Depthwise("dw", 16, 29, 16, 3, 1, 1) with { Precision = new Precision(4, 4, 16), HasNormalization = true },
            new FullyConnectedLayer("fc", 64, 10) { Batch = 4, Precision = new Precision(2, 8, 20) },
            new GemmLayer("scores", 128, 128, 64) { WeightsAreParameters = false, Precision = new Precision(8, 8, 48) }));

        // When written and read back
        string text = QuantSimTraceWriter.Write(workload);
        var read = QuantSimTraceReader.Read("mixed.csv", text, "mixed");

        // Then it is the same workload, and precisions are written in their short spelling when the accumulator is 32
        Assert.That(read, Is.EqualTo(workload));
        Assert.That(text, Does.Contain(",w8a8\n").And.Contain(",w4a4acc16\n").And.Contain(",w2a8acc20\n").And.Contain(",w8a8acc48\n"));
    }

    [Test]
    public void Should_read_the_documented_example()
    {
        // Given the example of Workloads/TRACES.md (columns in any order, optional ones left out, comments, a trailing comma)
        const string text = """
            # ResNet-ish stem with a 4-bit body
            name,kind,in_h,in_w,in_c,k_h,k_w,filters,stride_h,stride_w,pad_h,pad_w,groups,m,n,k,weights,bias,norm,precision
            conv1,conv,224,224,3,7,7,64,2,2,3,3,,,,,,,1,w8a8
            dw2,conv,56,56,64,3,3,64,1,1,1,1,64,,,,,,1,w4a4acc16
            pw2,conv,56,56,64,1,1,128,,,,,,,,,,,1,w4a4
            fc,fc,,,,,,,,,,,,1,1000,128,,1,,w8a8acc32,
            qk,gemm,,,,,,,,,,,,128,128,64,0,,,
            """;

        // When it is read
        var workload = QuantSimTraceReader.Read("example.csv", text, "example");

        // Then the layers are as written; unspecified cells take their defaults
        var conv1 = (ConvLayer)workload.Layers[0];
        Assert.That((conv1.OutputHeight, conv1.StrideH, conv1.PadW, conv1.HasNormalization, conv1.HasBias), Is.EqualTo((112, 2, 3, true, false)));
        Assert.That(conv1.Precision, Is.EqualTo(new Precision(8, 8, 32)));
        var dw2 = (ConvLayer)workload.Layers[1];
        Assert.That((dw2.Groups, dw2.Macs), Is.EqualTo((64, 56L * 56 * 64 * 9)));
        Assert.That(dw2.Precision, Is.EqualTo(new Precision(4, 4, 16)));
        var pw2 = (ConvLayer)workload.Layers[2];
        Assert.That((pw2.StrideH, pw2.PadH, pw2.Groups, pw2.OutputHeight), Is.EqualTo((1, 0, 1, 56)));
        Assert.That(workload.Layers[3], Is.EqualTo(new FullyConnectedLayer("fc", 128, 1000) { HasBias = true, Precision = Precision.W8A8 }));
        Assert.That(workload.Layers[4], Is.EqualTo(new GemmLayer("qk", 128, 128, 64) { WeightsAreParameters = false }));
    }
}
