using QuantSim.Cli.Tests.Robustness;

namespace QuantSim.Cli.Tests.Fuzz;

/// <summary>Inputs the fuzz suite found breaking the contract, each reduced to its cause and kept.</summary>
public sealed class FuzzFindingsTests
{
    private static string Topology =>
        Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "scalesim", "tiny_conv_8x8_os", "tiny_conv.csv");

    [Test]
    public void Should_Locate_A_Key_Without_A_Value_That_YamlDotNets_Tree_Builder_Throws_ArgumentException_On()
    {
        // Seed 680: tpu-v1.yaml with "filter:" duplicated and its first key's name cut to ": 24576".
        using var files = new TempFiles();
        string config = files.Write("c.yaml", "buffers:\n  filter:\n    : 24576\n    word_bits: 8\n  filter:\n    banks: 1\n");

        var run = CliRun.Of("validate", config);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error, Does.Match($@"^{System.Text.RegularExpressions.Regex.Escape(config)}:\d+:\d+: \(syntax\): YAML syntax error: a key in this mapping has no value"));
    }

    [Test]
    public void Should_Refuse_A_Topology_Stride_Past_The_Ifmap_Instead_Of_Overflowing_To_Negative_Cycles()
    {
        // Seed 757: stride 2147483647 made (H - F + S) overflow; the ScaleSim timing reported -1 compute cycles.
        using var files = new TempFiles();
        string topology = files.Write("t.csv", "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,\nc,6,6,3,3,2,4,2147483647,\n");

        var run = CliRun.Of("simulate", "--config", "scalesim-32x32", "--topology", topology);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error, Does.StartWith($"{topology}:2: Strides: stride 2147483647 is larger than the IFMAP height 6; at most the height"));
    }

    [Test]
    public void Should_Print_An_Argument_With_A_Line_Break_As_One_Escaped_Error_Line()
    {
        var run = CliRun.Of("sweep", "--workload", Topology, "--vary", "array.ro\nws=8", "--out", Path.Combine(Path.GetTempPath(), $"quantsim-never-{Guid.NewGuid():N}"));

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(run.Error, Does.StartWith("--vary array.ro\\nws: "));
    }

    [TestCase("seed-50547-trace.csv", 1_048_576, "1.546e11")]
    [TestCase("seed-4171-trace.csv", 65_536, "9.664e9")]
    public void Should_Refuse_A_Trace_Layer_Too_Large_To_Simulate_That_Made_The_Test_Host_Run_Out_Of_Memory(string fixture, int width, string macs)
    {
        // The 100,000-case run's crash: case 50531 (seed 50547) widened a ResNet-20 row (line 15,
        // layer2.1.conv2) to in_w 1,048,576; simulate planned its folds until the OOM killer ended the
        // test host at 24 GB. Case 4155 (seed 4171), in flight beside it, widened line 15 to 65,536.
        // MACs by hand: 16 x width output pixels (3x3, stride 1, pad 1) x 32 filters x 3*3*32.
        string trace = Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "fuzz", fixture);
        Assert.That(File.ReadAllLines(trace)[14], Does.Contain($",conv,16,{width},32,3,3,32,1,1,1,1,"));
        Assert.That(16.0 * width * 32 * 3 * 3 * 32, Is.GreaterThan(1L << 32));

        var run = CliRun.Of("simulate", "--workload", trace);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error.TrimEnd(), Is.EqualTo(
            $"{trace}:15: the layer has {macs} multiply-accumulates, more than 4,294,967,296 (2^32), the most one layer may have " +
            "(the simulator holds every fold of a layer in memory); split it into smaller layers"));
    }

    [TestCase("65536,65536,1", true)]
    [TestCase("65537,65536,1", false)]
    public void Should_Accept_A_Gemm_Layer_Of_Exactly_2_To_The_32_Macs_And_Refuse_One_More_Row(string mnk, bool accepted)
    {
        using var files = new TempFiles();
        string topology = files.Write("g.csv", $"Layer, M, N, K,\ng,{mnk},\n");

        var read = () => QuantSim.Workloads.Traces.ScaleSimTopologyReader.ReadFile(topology);

        if (accepted)
        {
            Assert.That(read().Macs, Is.EqualTo(1L << 32));
        }
        else
        {
            var error = Assert.Throws<QuantSim.Input.InputException>(() => read())!;
            Assert.That(error.Errors.Single().Line, Is.EqualTo(2));
            Assert.That(error.Errors.Single().Message, Does.StartWith("the layer has 4.295e9 multiply-accumulates, more than 4,294,967,296 (2^32)"));
        }
    }
}
