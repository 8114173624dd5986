using System.Text;

namespace QuantSim.Cli.Tests.Robustness;

/// <summary>
/// The reproducing inputs of issue 16, each run exactly as reported: every one must exit 2 with a
/// located message, never crash the process, never reach the internal-error path (exit 1).
/// </summary>
public sealed class Issue16RegressionTests
{
    private static string Default => CliRun.BuiltIn("default");

    private static string ScaleSimCfg =>
        Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "scalesim", "tiny_gemm_8x8_os_user_bw2_1kB");

    [TestCase("[", "]", 40_000, TestName = "Item1_Should_Refuse_40000_Nested_Flow_Lists_Before_The_Stack_Overflows")]
    [TestCase("{a: ", "}", 20_000, TestName = "Item1_Should_Refuse_20000_Nested_Flow_Mappings_Before_The_Stack_Overflows")]
    public void Item1_Deep_Nesting(string open, string close, int depth)
    {
        // python3 -c "print('x: ' + '['*40000 + ']'*40000)" > deep.yaml
        using var files = new TempFiles();
        string deep = files.Write("deep.yaml", "x: " + string.Concat(Enumerable.Repeat(open, depth)) + string.Concat(Enumerable.Repeat(close, depth)) + "\n");

        var run = CliRun.Of("validate", deep);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error, Does.Match($@"^{Regex(deep)}:1:\d+: \(syntax\): mappings and lists are nested more than 64 deep here; at most 64 levels are allowed"));
    }

    [Test]
    public void Item1_Should_Refuse_Deep_Nesting_In_A_Dram_Set_And_A_Cost_Table_Too()
    {
        using var files = new TempFiles();
        string nested = "x: " + new string('[', 40_000) + new string(']', 40_000) + "\n";
        string dram = files.Write("deep-dram.yaml", nested);
        string table = files.Write("deep-table.yaml", nested);
        string config = files.Write("c.yaml", File.ReadAllText(Default)
            .Replace("timing: lpddr4-3200", $"timing: {dram}", StringComparison.Ordinal)
            .Replace("cost_table: horowitz-45nm", $"cost_table: {table}", StringComparison.Ordinal));

        var run = CliRun.Of("simulate", "--config", config, "--workload", "lenet5");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error, Does.Contain($"{dram}:1:67: (syntax): mappings and lists are nested more than 64 deep"));
    }

    [Test]
    public void Item2_Should_Report_YamlDotNets_InvalidOperationException_As_A_Located_Syntax_Error()
    {
        // printf -- 'a: {\r\xad' > m.yaml
        using var files = new TempFiles();
        string file = files.Write("m.yaml", [.. "a: {\r"u8, 0xad]);

        var run = CliRun.Of("validate", file);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error, Does.StartWith($"{file}:1:4: (syntax): YAML syntax error: the text breaks off inside an unfinished construct"));
    }

    [Test]
    public void Item3_Should_Locate_A_Non_String_Schema()
    {
        // echo '{"schema": {}}' > s.json; quantsim compare result.json s.json
        using var files = new TempFiles();
        string result = SimulatedResult(files);
        string bad = files.Write("s.json", "{\"schema\": {}}\n");

        var run = CliRun.Of("compare", result, bad);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error.Trim(), Is.EqualTo($"{bad}:1:12: schema: expected a string, got an object"));
    }

    [TestCase("\"cycles\": ", "\"cycles\": -", "must be a finite number, zero or more, got -", TestName = "Item3_Should_Refuse_Negative_Cycles")]
    [TestCase("\"stall_cycles\": ", "\"stall_cycles\": true, \"x\": ", "expected a number, got the boolean true", TestName = "Item3_Should_Refuse_A_Boolean_Where_A_Number_Belongs")]
    [TestCase("\"total_pj\": ", "\"total_pj\": \"1\", \"x\": ", "expected a number, got the string \"1\"", TestName = "Item3_Should_Refuse_A_String_Where_A_Number_Belongs")]
    [TestCase("\"totals\": ", "\"totals_gone\": ", "required field 'totals' is missing", TestName = "Item3_Should_Locate_A_Missing_Field")]
    public void Item3_Wrong_Typed_Fields(string find, string replace, string message)
    {
        using var files = new TempFiles();
        string result = SimulatedResult(files);
        string text = File.ReadAllText(result);
        int at = text.IndexOf(find, StringComparison.Ordinal);
        string bad = files.Write("bad.json", text[..at] + replace + text[(at + find.Length)..]);

        var run = CliRun.Of("compare", result, bad);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error, Does.Match($@"^{Regex(bad)}:\d+:\d+: [a-z_.\[\]0-9()]+: "));
        Assert.That(run.Error, Does.Contain(message));
        Assert.That(run.Error, Does.Not.Contain("dictionary").And.Not.Contain("internal error"));
    }

    [TestCase("file", TestName = "Item4_Should_Refuse_An_Existing_File_As_Out")]
    [TestCase("/dev/null", TestName = "Item4_Should_Refuse_Dev_Null_As_Out")]
    public void Item4_Out_Is_Not_A_Directory(string what)
    {
        using var files = new TempFiles();
        string target = what == "file" ? files.Write("existing", "keep me") : what;

        var run = CliRun.Of("simulate", "--workload", "lenet5", "--out", target);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error.Trim(), Is.EqualTo($"--out: '{target}': exists and is not a directory; give a directory for the results (it is created if missing)"));
        if (what == "file")
        {
            Assert.That(File.ReadAllText(target), Is.EqualTo("keep me"));
        }
    }

    [Test]
    public void Item5_Should_Refuse_Dev_Zero_As_A_Dram_Set_Without_Reading_It()
    {
        // dram.timing: /dev/zero
        using var files = new TempFiles();
        string config = files.Write("c.yaml", File.ReadAllText(Default).Replace("timing: lpddr4-3200", "timing: /dev/zero", StringComparison.Ordinal));

        var run = CliRun.Of("validate", config);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error, Does.StartWith("/dev/zero: is not a regular file (a device, pipe or socket); give the path of a DRAM parameter file"));
    }

    [TestCase("validate", "{0}", "config file")]
    [TestCase("simulate", "--workload {0}", "workload file")]
    [TestCase("simulate", "--topology {0}", "topology file")]
    [TestCase("simulate", "--scalesim-config {0}", "SCALE-Sim config")]
    [TestCase("compare", "{0} {0}", "result file")]
    [TestCase("merge", "{0} --out /tmp/quantsim-never-written", "shard file")]
    public void Item5_Should_Refuse_Dev_Zero_As_Any_Input(string verb, string arguments, string what)
    {
        var run = CliRun.Of([verb, .. string.Format(System.Globalization.CultureInfo.InvariantCulture, arguments, "/dev/zero").Split(' ')]);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error, Does.StartWith($"/dev/zero: is not a regular file (a device, pipe or socket); give the path of a {what}"));
    }

    [Test]
    public void Item5_Should_Refuse_A_Config_Over_1_MiB_At_The_Line_Where_The_Limit_Is_Crossed()
    {
        using var files = new TempFiles();
        var text = new StringBuilder(File.ReadAllText(Default));
        while (text.Length <= 1 << 20)
        {
            text.Append("# padding comment line of 64 bytes .............................\n");
        }

        string config = files.Write("big.yaml", text.ToString());
        int line = text.ToString()[..(1 << 20)].Count(c => c == '\n') + 1;

        var run = CliRun.Of("validate", config);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error, Does.Match($@"^{Regex(config)}:{line}:\d+: the config file is larger than 1 MiB, the most a config file may be"));
    }

    [TestCase("ArrayHeight", "architecture_presets", 4)]
    [TestCase("Dataflow", "architecture_presets", 4)]
    [TestCase("Bandwidth", "architecture_presets", 4)]
    [TestCase("InterfaceBandwidth", "run_presets", 17)]
    public void Item7_Should_Locate_A_Missing_ScaleSim_Setting_At_Its_Section(string key, string section, int headerLine)
    {
        using var files = new TempFiles();
        string original = Directory.GetFiles(ScaleSimCfg, "*.cfg").Single();
        string[] lines = File.ReadAllLines(original);
        Assume.That(lines[headerLine - 1], Is.EqualTo($"[{section}]"));
        string cfg = files.Write("missing.cfg", string.Join('\n', lines.Where(l => !l.StartsWith(key + " ", StringComparison.Ordinal) && !l.StartsWith(key + ":", StringComparison.Ordinal))) + "\n");

        var run = CliRun.Of("simulate", "--scalesim-config", cfg, "--topology", Directory.GetFiles(ScaleSimCfg, "tiny_*.csv").Single());

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error, Does.StartWith($"{cfg}:{headerLine}: {section}.{key}: required").IgnoreCase);
    }

    [Test]
    public void Item7_Should_Put_A_Setting_Of_A_Missing_Section_On_Line_1()
    {
        using var files = new TempFiles();
        string cfg = files.Write("nosection.cfg", "[general]\nrun_name = x\n");

        var run = CliRun.Of("simulate", "--scalesim-config", cfg, "--topology", Directory.GetFiles(ScaleSimCfg, "tiny_*.csv").Single());

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error, Does.Contain($"{cfg}:1: architecture_presets.arrayheight: required setting is missing (the file has no [architecture_presets] section)").IgnoreCase);
    }

    [Test]
    public void Item7_Should_Blame_The_Vary_Argument_For_An_Unknown_Cost_Table()
    {
        using var files = new TempFiles();

        var run = CliRun.Of("sweep", "--workload", "lenet5", "--vary", "technology.cost_table=abc", "--out", Path.Combine(files.Root, "out"));

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error, Does.StartWith("--vary technology.cost_table: value 'abc': unknown cost table 'abc'"));
        Assert.That(run.Error, Does.Not.Contain("default.yaml"));
        Assert.That(Directory.Exists(Path.Combine(files.Root, "out")), Is.False);
    }

    [TestCase("--topology")]
    [TestCase("--workload")]
    [TestCase("--config")]
    [TestCase("--scalesim-config")]
    public void Item7_Should_Say_A_Directory_Is_A_Directory(string option)
    {
        using var files = new TempFiles();

        var run = CliRun.Of("simulate", option, files.Root);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error, Does.StartWith($"{files.Root}: ").And.Contain("is a directory; give"));
        Assert.That(run.Error, Does.Not.Contain("denied"));
    }

    [Test]
    public void Item7_Should_Say_A_Directory_Given_To_Compare_Is_A_Directory()
    {
        using var files = new TempFiles();

        var run = CliRun.Of("compare", files.Root, files.Root);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error, Does.StartWith($"{files.Root}: is a directory; give the path of a result file"));
    }

    [Test]
    public void Item8_Should_Refuse_A_Second_Document_After_A_Valid_Config()
    {
        using var files = new TempFiles();
        string text = File.ReadAllText(Default);
        string config = files.Write("two.yaml", text + "---\nname: other\nclock_mhz: 5\n");
        int line = text.Count(c => c == '\n') + 1;

        var run = CliRun.Of("validate", config);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error, Does.StartWith($"{config}:{line}:1: (document): a second YAML document starts here ('---'); a QuantSim file holds exactly one"));
    }

    [Test]
    public void Item8_Should_Accept_A_Single_Document_With_Explicit_Markers()
    {
        using var files = new TempFiles();
        string config = files.Write("one.yaml", "---\n" + DefaultWithAbsoluteDram() + "...\n");

        var run = CliRun.Of("validate", config);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
    }

    [Test]
    public void Limit_Should_Refuse_A_Trace_Past_10000_Layers_At_The_First_Row_Past_It()
    {
        using var files = new TempFiles();
        var text = new StringBuilder("name,kind,m,n,k\n");
        for (int i = 0; i <= 10_000; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"fc{i},fc,1,4,4\n");
        }

        string trace = files.Write("long.csv", text.ToString());

        var run = CliRun.Of("simulate", "--workload", trace);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error.Trim(), Is.EqualTo($"{trace}:10002: more than 10000 layers; a workload may have at most 10000 (split the network into several traces)"));
    }

    [Test]
    public void Limit_Should_Refuse_More_Than_10000_Sweep_Combinations_Before_Any_Point_Runs()
    {
        using var files = new TempFiles();
        string values = string.Join(',', Enumerable.Range(1, 101));

        var run = CliRun.Of("sweep", "--workload", "lenet5", "--vary", $"array.rows={values}", "--vary", $"array.cols={values}", "--out", Path.Combine(files.Root, "out"));

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error.Trim(), Does.StartWith("--vary: the axes make more than 10000 combinations, the most a sweep may run"));
    }

    [Test]
    public void Limit_Should_Refuse_More_Than_10000_Sweep_Points_Counting_The_Workloads()
    {
        using var files = new TempFiles();
        string values = string.Join(',', Enumerable.Range(1, 100));

        var run = CliRun.Of("sweep", "--workload", "lenet5", "--workload", "resnet18", "--vary", $"array.rows={values}", "--vary", $"array.cols={values}", "--out", Path.Combine(files.Root, "out"));

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error.Trim(), Does.StartWith("--workload: 20000 points (2 workloads x the axes' combinations) are more than 10000, the most a sweep may run"));
    }

    /// <summary>default.yaml, readable from any directory: its DRAM set named by absolute path.</summary>
    private static string DefaultWithAbsoluteDram() =>
        File.ReadAllText(Default).Replace("timing: lpddr4-3200", $"timing: {Path.Combine(Path.GetDirectoryName(Default)!, "dram", "lpddr4-3200.yaml")}", StringComparison.Ordinal);

    /// <summary>A real result.json of lenet5 on the default config.</summary>
    private static string SimulatedResult(TempFiles files)
    {
        string dir = Path.Combine(files.Root, "result");
        var run = CliRun.Of("simulate", "--workload", "lenet5", "--out", dir);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        return Path.Combine(dir, "result.json");
    }

    private static string Regex(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
