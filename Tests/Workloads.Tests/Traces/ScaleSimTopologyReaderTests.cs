using System.Globalization;
using QuantSim.Input;
using QuantSim.Workloads.Layers;
using QuantSim.Workloads.Traces;

namespace QuantSim.Workloads.Tests.Traces;

[TestFixture]
public sealed class ScaleSimTopologyReaderTests
{
    // Layer rows counted with `tail -n +2 FILE | grep -c '[^[:space:]]'` on SCALE-Sim's files.
    [TestCase("alexnet_inputs/alexnet.csv", 5)]
    [TestCase("alexnet_inputs/alexnet_part.csv", 1)]
    [TestCase("topologies/mobilenet.csv", 27)]
    [TestCase("topologies/Resnet18.csv", 21)]
    [TestCase("topologies/Resnet50.csv", 54)]
    [TestCase("topologies/NCF.csv", 12)]
    [TestCase("topologies/test_mnk_input.csv", 1)]
    [TestCase("topologies/transformer_partial.csv", 6)]
    [TestCase("tiny_conv_8x8_os/tiny_conv.csv", 1)]
    [TestCase("tiny_gemm_8x8_os/tiny_gemm.csv", 3)]
    public void Should_load_scalesim_shipped_topologies_unchanged_with_scalesim_shapes(string file, int layers)
    {
        // Given one of SCALE-Sim's own topology files, byte for byte
        string path = Fixtures.File(file);

        // When it is read
        var workload = ScaleSimTopologyReader.ReadFile(path);

        // Then it has every layer row, and each layer does the MACs SCALE-Sim's parser gives it
        Assert.That(workload.Name, Is.EqualTo(Path.GetFileNameWithoutExtension(file)));
        Assert.That(workload.Layers, Has.Length.EqualTo(layers));
        Assert.That(workload.Layers.Select(l => l.Macs), Is.EqualTo(ScaleSimReference.LayerMacs(path)));
    }

    [Test]
    public void Should_load_every_topology_in_the_scalesim_fixtures()
    {
        string root = Fixtures.ScaleSim;
        var topologies = Directory.EnumerateFiles(root, "*.csv", SearchOption.AllDirectories)
            .Where(p => !Path.GetFileName(p).Contains("REPORT", StringComparison.Ordinal) && !Path.GetFileName(p).Contains("TRACE", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.That(topologies, Has.Count.GreaterThanOrEqualTo(15));
        foreach (string path in topologies)
        {
            var workload = ScaleSimTopologyReader.ReadFile(path);
            Assert.That(workload.Layers.Select(l => l.Macs), Is.EqualTo(ScaleSimReference.LayerMacs(path)), path);
        }
    }

    [TestCase("tiny_conv_8x8_os/tiny_conv.csv", "tiny_conv_8x8_os/COMPUTE_REPORT.csv")]
    [TestCase("tiny_gemm_8x8_os/tiny_gemm.csv", "tiny_gemm_8x8_os/COMPUTE_REPORT.csv")]
    public void Should_count_the_macs_scalesim_reports_for_its_own_runs(string topology, string report)
    {
        // Given SCALE-Sim's COMPUTE_REPORT of an 8x8 array run: Overall Util % = MACs * 100 / (Total Cycles * 64)
        var rows = File.ReadAllLines(Fixtures.File(report)).Skip(1)
            .Select(l => l.Split(',').Select(f => f.Trim()).ToArray())
            .Select(f => (Cycles: double.Parse(f[1], CultureInfo.InvariantCulture), Util: double.Parse(f[3], CultureInfo.InvariantCulture)))
            .ToList();

        // When the topology is read
        var workload = ScaleSimTopologyReader.ReadFile(Fixtures.File(topology));

        // Then MACs recovered from the report equal ours, layer by layer
        Assert.That(workload.Layers.Select(l => l.Macs), Is.EqualTo(rows.Select(r => (long)Math.Round(r.Util * r.Cycles * 64 / 100))));
    }

    [Test]
    public void Should_size_alexnet_conv1_55x55_as_scalesim_and_read_the_untrailed_row_as_stride_4()
    {
        // Given alexnet_part.csv's row "Conv1,  224, 224,    11, 11,    3,      96,     4,1" (no trailing comma):
        // SCALE-Sim's split(',')[:-1] drops the final "1", so both strides are 4; its ofmap is
        // ceil((224 - 11 + 4) / 4) = 55 (README: 290,400 OFMAP writes = 55 * 55 * 96).
        var conv1 = (ConvLayer)ScaleSimTopologyReader.ReadFile(Fixtures.File("alexnet_inputs/alexnet_part.csv")).Layers[0];

        Assert.That((conv1.StrideH, conv1.StrideW), Is.EqualTo((4, 4)));
        Assert.That((conv1.OutputHeight, conv1.OutputWidth), Is.EqualTo((55, 55)));
        Assert.That((long)conv1.OutputHeight * conv1.OutputWidth * conv1.Filters, Is.EqualTo(290_400L));
        Assert.That(conv1.CeilMode, Is.True);
    }

    [Test]
    public void Should_read_gemm_rows_with_crlf_and_a_missing_final_newline()
    {
        // Given NCF.csv: "\r\n" line ends, last row "12,2048,128,1," without a newline
        var workload = ScaleSimTopologyReader.ReadFile(Fixtures.File("topologies/NCF.csv"));

        var last = (GemmLayer)workload.Layers[^1];
        Assert.That((last.Name, last.M, last.N, last.K), Is.EqualTo(("12", 2048, 128, 1)));
        Assert.That(workload.Layers, Is.All.InstanceOf<GemmLayer>());
    }

    [Test]
    public void Should_read_a_column_stride_and_a_depthwise_dp_layer()
    {
        // Given a 9th column (column stride) and a layer named with "DP", which SCALE-Sim splits into one layer per channel
        const string text = "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,\n"
                            + "wide,10,20,3,3,4,8,1,2,\n"
                            + "conv_DP,16,16,3,3,32,1,2,\n";

        var workload = ScaleSimTopologyReader.Read("t.csv", text, "t");

        var wide = (ConvLayer)workload.Layers[0];
        Assert.That((wide.StrideH, wide.StrideW, wide.OutputHeight, wide.OutputWidth), Is.EqualTo((1, 2, 8, 10)), "ceil((20-3+2)/2) = 10");
        var dp = (ConvLayer)workload.Layers[1];
        Assert.That((dp.Groups, dp.Filters, dp.OutputHeight), Is.EqualTo((32, 32, 8)), "ceil((16-3+2)/2) = 8");
        // SCALE-Sim's 32 one-channel layers: 32 * 8*8 * 3*3 * 1 = 18,432 MACs
        Assert.That(dp.Macs, Is.EqualTo(18_432L));
    }

    private const string ConvHeader = "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,\n";

    [TestCase("c1,224,224,11,11,3,96,\n", "t.csv:2: Strides: missing column: the row has 7 of the 8 fields")]
    [TestCase("c1,224,2x4,11,11,3,96,4,\n", "t.csv:2: IFMAP Width: expected an integer, got '2x4'")]
    [TestCase("c1,224,224,11,11,3,-96,4,\n", "t.csv:2: Num Filter: must be a positive integer, got -96")]
    [TestCase("c1,8,8,11,3,3,96,4,\n", "t.csv:2: Filter Height: filter height 11 is larger than the IFMAP height 8 (SCALE-Sim topologies have no padding)")]
    [TestCase("c1,8,8,3,3,3,96,4,1,1,\n", "t.csv:2: field 10: too many fields: a row has at most 9 (Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides, Column Strides)")]
    [TestCase(" ,8,8,3,3,3,96,4,\n", "t.csv:2: Layer name: no value given")]
    [TestCase("", "t.csv:1: the topology has no layer rows (the first line is the header)")]
    public void Should_reject_a_bad_conv_row_with_file_line_column_and_message(string row, string message)
    {
        var ex = Assert.Throws<InputException>(() => ScaleSimTopologyReader.Read("t.csv", ConvHeader + row, "t"));

        Assert.That(ex!.Errors.Select(e => e.ToString()), Is.EqualTo(new[] { message }));
        Assert.That(ex.Errors[0].Column, Is.EqualTo(0));
    }

    [Test]
    public void Should_report_every_bad_gemm_row_of_a_file_at_once()
    {
        const string text = "Layer,M,N,K,\ng1,8,8,\ng2,8,eight,8,\ng3,8,8,0,\n";

        var ex = Assert.Throws<InputException>(() => ScaleSimTopologyReader.Read("g.csv", text, "g"));

        Assert.That(ex!.Errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "g.csv:2: K: missing column: the row has 3 of the 4 fields",
            "g.csv:3: N: expected an integer, got 'eight'",
            "g.csv:4: K: must be a positive integer, got 0",
        }));
        Assert.That(ex.Errors.Select(e => e.Field), Is.EqualTo(new[] { "K", "N", "K" }));
    }

    [Test]
    public void Should_report_a_missing_file_without_a_line()
    {
        var ex = Assert.Throws<InputException>(() => ScaleSimTopologyReader.ReadFile("no/such/topology.csv"));

        Assert.That(ex!.Errors[0].Line, Is.EqualTo(0));
        Assert.That(ex.Errors[0].ToString(), Does.StartWith("no/such/topology.csv: cannot read the topology file: "));
    }
}
