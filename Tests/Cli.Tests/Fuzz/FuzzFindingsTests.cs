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
}
