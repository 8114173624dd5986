namespace QuantSim.Cli.Tests;

/// <summary>
/// <c>validate</c> applies every rule <c>simulate</c> does: a config one refuses the other refuses with
/// the same located message, exit code 2 and no result files; a config one accepts the other runs to a
/// complete, priced result.
/// </summary>
public sealed class RuleSetTests
{
    private string _dir = string.Empty;

    [SetUp]
    public void CreateFolder()
    {
        _dir = Path.Combine(Path.GetTempPath(), $"quantsim-rules-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(_dir, "dram"));
        foreach (string set in Directory.GetFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, "accel-configs", "dram")))
        {
            File.Copy(set, Path.Combine(_dir, "dram", Path.GetFileName(set)));
        }
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    /// <summary>The default config with one line replaced; the replaced line's number and the column of its value.</summary>
    private (string File, int Line, int Column) Edited(string from, string to, string baseConfig = "default")
    {
        string text = File.ReadAllText(CliRun.BuiltIn(baseConfig));
        Assert.That(text, Does.Contain(from), "the shipped config changed; update the test's edit");
        string file = Path.Combine(_dir, "edited.yaml");
        File.WriteAllText(file, text.Replace(from, to, StringComparison.Ordinal));
        string[] lines = File.ReadAllLines(file);
        int index = Array.FindIndex(lines, l => l.Contains(to.Split('\n')[0], StringComparison.Ordinal));
        string key = to.Split(':')[0].Trim();
        int column = lines[index].IndexOf(key, StringComparison.Ordinal) + key.Length + 3;
        return (file, index + 1, column);
    }

    private void AssertRefusedByBoth(string file, string expected)
    {
        var validate = CliRun.Of("validate", file);
        string outDir = Path.Combine(_dir, "out");
        var simulate = CliRun.Of("simulate", "--config", file, "--workload", "lenet5", "--out", outDir);
        Assert.Multiple(() =>
        {
            Assert.That(validate.ExitCode, Is.EqualTo(2), validate.Output);
            Assert.That(validate.Error, Does.Contain(expected));
            Assert.That(simulate.ExitCode, Is.EqualTo(2), simulate.Output);
            Assert.That(simulate.Error, Does.Contain(expected));
            Assert.That(simulate.Error, Does.Not.Contain("   at "), "no stack trace");
            Assert.That(Directory.Exists(outDir), Is.False, "a refused run writes nothing");
        });
    }

    [Test]
    public void Should_refuse_a_misspelled_cost_table_in_validate_and_simulate_at_its_line()
    {
        var (file, line, column) = Edited("cost_table: horowitz-45nm", "cost_table: horowitz-45mn");
        AssertRefusedByBoth(file, $"{file}:{line}:{column}: technology.cost_table: unknown cost table 'horowitz-45mn'");
    }

    [Test]
    public void Should_refuse_a_missing_cost_table_file_in_both_verbs()
    {
        var (file, line, column) = Edited("cost_table: horowitz-45nm", "cost_table: tables/none.yaml");
        AssertRefusedByBoth(file, $"{file}:{line}:{column}: technology.cost_table: cost table file '{Path.Combine(_dir, "tables/none.yaml")}' does not exist");
    }

    [Test]
    public void Should_refuse_a_garbage_cost_table_naming_the_table_file()
    {
        string table = Path.Combine(_dir, "garbage.yaml");
        File.WriteAllText(table, "name: [unclosed\n");
        var (file, _, _) = Edited("cost_table: horowitz-45nm", "cost_table: garbage.yaml");
        AssertRefusedByBoth(file, $"{table}:");
    }

    [Test]
    public void Should_refuse_a_cost_table_that_cannot_price_the_configs_accumulator()
    {
        // An edited table whose adders end at 48 bits and refuse to extrapolate: the config's 32-bit accumulator
        // is fine for the reader, but its requantizer's rounding add (32-bit accumulator x 32-bit multiplier =
        // 64 bits) is not: the table must cover what the run prices.
        string tableText = File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Tables", "horowitz-45nm.yaml"));
        string[] lines = tableText.Split('\n');
        int adder = Array.IndexOf(lines, "adder:");
        int end = Array.FindIndex(lines, adder + 1, l => l.Length > 0 && !l.StartsWith(' '));
        var edited = lines.Select((l, i) => i <= adder || i >= end ? (string?)l
            : l.StartsWith("  max_bits:", StringComparison.Ordinal) ? "  max_bits: 48"
            : l.StartsWith("    - { bits: 64,", StringComparison.Ordinal) ? "    - { bits: 48, energy_pj: 0.15, area_um2: 205, kind: derived, source: \"QK linear law at 48 bits (a test edit)\" }"
            : l.StartsWith("    - { bits: 128,", StringComparison.Ordinal) ? null
            : l).OfType<string>();
        string narrow = string.Join('\n', edited);
        Assert.That(narrow, Is.Not.EqualTo(tableText), "the shipped table changed; update the edit");
        File.WriteAllText(Path.Combine(_dir, "narrow.yaml"), narrow);
        var (file, line, column) = Edited("cost_table: horowitz-45nm", "cost_table: narrow.yaml");
        AssertRefusedByBoth(file, $"{file}:{line}:{column}: technology.cost_table: the cost table cannot price add(64)");
    }

    [Test]
    public void Should_refuse_a_buffer_too_small_for_one_fold_in_validate_with_its_line()
    {
        // edge-16x16 is weight stationary: a fold's 16 x 16 tile of 8-bit weights is 256 bytes, which half of a
        // double-buffered 0.25 KiB filter buffer (128 bytes) cannot hold.
        var (file, line, column) = Edited("  filter:\n    capacity_kib: 128", "  filter:\n    capacity_kib: 0.25", "edge-16x16");
        string[] lines = File.ReadAllLines(file);
        line = Array.FindIndex(lines, l => l.Contains("capacity_kib: 0.25", StringComparison.Ordinal)) + 1;
        column = lines[line - 1].IndexOf("0.25", StringComparison.Ordinal) + 1;
        AssertRefusedByBoth(file, $"{file}:{line}:{column}: buffers.filter.capacity_kib: a fold needs 256 bytes of stationary weights (16x16 tile) at w8a8, but half of the double-buffered filter buffer holds 128 bytes; allowed: at least 0.5 KiB");
    }

    [TestCase("default")]
    [TestCase("edge-16x16")]
    [TestCase("eyeriss")]
    [TestCase("scalesim-32x32")]
    [TestCase("tpu-v1")]
    public void Should_simulate_every_zoo_workload_with_a_complete_energy_report_on_a_config_validate_accepts(string config)
    {
        Assert.That(CliRun.Of("validate", config).ExitCode, Is.EqualTo(0));
        foreach (var model in Workloads.Zoo.ModelZoo.All.Where(m => m.Build().Macs < 2_000_000_000))
        {
            string outDir = Path.Combine(_dir, config + "-" + model.Name);
            var run = CliRun.Of("simulate", "--config", config, "--workload", model.Name, "--out", outDir);
            Assert.That(run.ExitCode, Is.EqualTo(0), $"{model.Name}: {run.Error}");
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "result.json")));
            var energy = json.RootElement.GetProperty("energy");
            Assert.That(energy.TryGetProperty("error", out _), Is.False, model.Name);
            Assert.That(energy.GetProperty("total_pj").GetDecimal(), Is.GreaterThan(0m), model.Name);
        }
    }
}
