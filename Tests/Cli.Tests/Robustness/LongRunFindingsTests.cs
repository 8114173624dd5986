namespace QuantSim.Cli.Tests.Robustness;

/// <summary>
/// The three causes the 100,000-case fuzz run found (docs/robustness/README.md), each with its reproducing
/// input: exit 2 with the file, line and field, never exit 1, and `validate` refuses what `simulate` cannot run.
/// </summary>
public sealed class LongRunFindingsTests
{
    private static string Config(string name) => CliRun.BuiltIn(name);

    private static int LineOf(string path, string text) => Array.FindIndex(File.ReadAllLines(path), l => l.Contains(text, StringComparison.Ordinal)) + 1;

    [Test]
    public void Should_refuse_banks_that_do_not_divide_the_buffer_in_validate_and_simulate()
    {
        // edge-16x16's 64 KiB accumulator buffer in 5 banks: 65,536 bytes do not split evenly.
        using var files = new TempFiles();
        string text = File.ReadAllText(Config("edge-16x16")).Replace("    banks: 1\n", "    banks: 5\n", StringComparison.Ordinal);
        Assert.That(text, Does.Contain("banks: 5"), "the shipped config changed; update the edit");
        string path = files.Write("banks.yaml", text);
        int line = LineOf(path, "banks: 5");
        foreach (var run in new[] { CliRun.Of("validate", path), CliRun.Of("simulate", "--config", path, "--workload", "lenet5") })
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
            Assert.That(run.Error, Does.Contain($"{path}:{line}:").And.Contain("buffers.ofmap.banks: must divide the capacity (65536 bytes) into equal banks, got 5"));
        }
    }

    [TestCase("rows_per_bank: 32768", "rows_per_bank: 3276", "rows_per_bank: must be a power of two")]
    [TestCase("banks_per_group: 8", "banks_per_group: 6", "banks_per_group: must be a power of two")]
    [TestCase("row_bytes: 2048", "row_bytes: 3000", "row_bytes: must be a power of two")]
    public void Should_refuse_a_dram_geometry_the_address_decoder_cannot_split_into_bits(string from, string to, string message)
    {
        using var files = new TempFiles();
        string set = Path.Combine(Path.GetDirectoryName(Config("default"))!, "dram", "lpddr4-3200.yaml");
        string dram = files.Write("odd.yaml", File.ReadAllText(set).Replace(from, to, StringComparison.Ordinal));
        string config = files.Write("config.yaml", File.ReadAllText(Config("default")).Replace("timing: lpddr4-3200", $"timing: {dram}", StringComparison.Ordinal));
        int line = LineOf(dram, to);
        foreach (var run in new[] { CliRun.Of("validate", config), CliRun.Of("simulate", "--config", config, "--workload", "lenet5") })
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
            Assert.That(run.Error, Does.Contain($"{dram}:{line}:").And.Contain(message));
        }
    }

    [Test]
    public void Should_name_the_trace_row_of_a_layer_whose_bits_the_datapath_refuses()
    {
        // lenet5-mixed.csv with fc3 at w8a1: LSQ runs 2..16-bit operands; the error names the trace's fc3 row.
        using var files = new TempFiles();
        string source = File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "traces", "lenet5-mixed.csv"));
        string trace = files.Write("mixed.csv", source.Replace("fc3,fc,,,,,,,,,1,10,84,1,w8a8", "fc3,fc,,,,,,,,,1,10,84,1,w8a1", StringComparison.Ordinal));
        var run = CliRun.Of("simulate", "--workload", trace);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error, Does.StartWith($"{trace}:{LineOf(trace, "fc3,")}:").And.Contain("fc3.activation_bits"));
    }
}
