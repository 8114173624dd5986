using System.Text.Json;
using QuantSim.Cli.Reports;
using QuantSim.Cli.Sweep;

namespace QuantSim.Cli.Tests.Sweep;

public sealed class SweepCommandTests
{
    private static readonly string[] SmallSweep =
        ["sweep", "--config", "edge-16x16", "--workload", "lenet5", "--vary", "array.rows=8,16", "--vary", "array.dataflow=os,ws,is"];

    private string _dir = null!;

    [SetUp]
    public void MakeDir() => _dir = Path.Combine(Path.GetTempPath(), $"quantsim-sweep-{Guid.NewGuid():N}");

    [TearDown]
    public void Clean()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, true);
        }
    }

    private string Out(string name) => Path.Combine(_dir, name);

    private static CliRun Sweep(string outDir, params string[] extra) => CliRun.Of([.. SmallSweep, .. extra, "--out", outDir]);

    [Test]
    public void Should_Write_A_Point_Per_Combination_Whose_Figures_Match_Simulate_On_The_Same_Config()
    {
        // Given the 2 x 3 sweep of edge-16x16, whose rows=16/ws point is edge-16x16 itself
        var sweep = Sweep(Out("sweep"));
        var simulate = CliRun.Of("simulate", "--config", "edge-16x16", "--workload", "lenet5", "--out", Out("sim"));
        Assert.That(sweep.ExitCode, Is.EqualTo(0), sweep.Error);
        Assert.That(simulate.ExitCode, Is.EqualTo(0), simulate.Error);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out("sweep"), "sweep.json")));
        using var result = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out("sim"), "result.json")));
        var points = json.RootElement.GetProperty("points").EnumerateArray().ToList();
        var same = points.Single(p => p.GetProperty("id").GetString() == "lenet5/array.rows=16/array.dataflow=ws");
        var totals = result.RootElement.GetProperty("totals");
        var priced = PricedSummaryJson.Read(result.RootElement);

        // Then the point reports what simulate reports for that config, exactly
        Assert.Multiple(() =>
        {
            Assert.That(json.RootElement.GetProperty("schema").GetString(), Is.EqualTo(SweepJsonWriter.Schema));
            Assert.That(points, Has.Count.EqualTo(6));
            Assert.That(same.GetProperty("cycles").GetInt64(), Is.EqualTo(totals.GetProperty("cycles").GetInt64()));
            Assert.That(same.GetProperty("stall_cycles").GetInt64(), Is.EqualTo(totals.GetProperty("stall_cycles").GetInt64()));
            Assert.That(same.GetProperty("utilization").GetDouble(), Is.EqualTo(totals.GetProperty("utilization").GetDouble()));
            Assert.That(PricedSummaryJson.Read(same), Is.EqualTo(priced));
            Assert.That(priced.EnergyPerInferencePj, Is.GreaterThan(0m));
            Assert.That(File.ReadAllLines(Path.Combine(Out("sweep"), "sweep.csv")), Has.Length.EqualTo(7));
            Assert.That(File.ReadAllBytes(Path.Combine(Out("sweep"), "sweep.png")).Take(4), Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }));
        });
    }

    [Test]
    public void Should_Flag_Exactly_The_Points_No_Other_Point_Beats_In_Energy_And_Cycles()
    {
        var run = Sweep(Out("s"));
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);

        // Pairwise check straight from the file's own numbers
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out("s"), "sweep.json")));
        var points = json.RootElement.GetProperty("points").EnumerateArray()
            .Select(p => (Energy: p.GetProperty("priced").GetProperty("energy_per_inference_pj").GetDecimal(), Cycles: p.GetProperty("cycles").GetInt64(), Pareto: p.GetProperty("pareto").GetBoolean()))
            .ToList();
        var expected = points.Select(p => !points.Any(q =>
            q.Energy <= p.Energy && q.Cycles <= p.Cycles && (q.Energy < p.Energy || q.Cycles < p.Cycles))).ToList();
        Assert.That(points.Select(p => p.Pareto), Is.EqualTo(expected));
        Assert.That(expected, Does.Contain(true));
    }

    [Test]
    public void Should_Write_The_Same_Bytes_On_Every_Run_And_For_Any_Number_Of_Jobs()
    {
        var first = Sweep(Out("a"), "--jobs", "2");
        var second = Sweep(Out("b"), "--jobs", "2");
        var serial = Sweep(Out("c"), "--jobs", "1");
        Assert.That(new[] { first.ExitCode, second.ExitCode, serial.ExitCode }, Is.All.EqualTo(0), first.Error + second.Error + serial.Error);

        foreach (string file in new[] { "sweep.json", "sweep.csv" })
        {
            byte[] reference = File.ReadAllBytes(Path.Combine(Out("a"), file));
            Assert.That(File.ReadAllBytes(Path.Combine(Out("b"), file)), Is.EqualTo(reference), file);
            Assert.That(File.ReadAllBytes(Path.Combine(Out("c"), file)), Is.EqualTo(reference), file);
        }
    }

    [TestCase("array.rows=0,16",
        "--vary array.rows: value '0': must be between 1 and 4096")]
    [TestCase("array.depth=2,4",
        "--vary array.depth: unknown field; allowed: rows, cols, dataflow, timing, clock_gating")]
    [TestCase("arrays.rows=8",
        "--vary arrays.rows: unknown field ('arrays' is not a key of its section); allowed: name, description, clock_mhz, array, buffers, dram, datapath, technology")]
    [TestCase("clock_mhz.max=8",
        "--vary clock_mhz.max: unknown field: 'clock_mhz' is a value, not a section with fields")]
    [TestCase("array.rows=",
        "--vary array.rows: empty value list; give one or more comma-separated values")]
    [TestCase("array.rows=8,,16",
        "--vary array.rows: '8,,16' has an empty value; give comma-separated values without gaps")]
    [TestCase("array.rows=8,8",
        "--vary array.rows: value '8' is listed twice")]
    [TestCase("array.rows",
        "--vary: 'array.rows': expected PATH=V1,V2,... (e.g. array.rows=8,16,32)")]
    [TestCase("array.dataflow=os,rs",
        "--vary array.dataflow: value 'rs': unknown value 'rs'; allowed: os, ws, is")]
    [TestCase("datapath.kind=lsq,warp",
        "--vary datapath.kind: value 'warp': unknown datapath 'warp'; allowed: fixed-point, lsq, per-channel, scale-offset, mixed-precision, float")]
    [TestCase("buffers.ifmap.capacity_kib=0.001",
        "--vary buffers.ifmap.capacity_kib: value '0.001': must be a whole number of bytes, got 0.001 KiB = 1.024 bytes")]
    public void Should_Reject_A_Bad_Axis_Naming_It_Before_Any_Work(string axis, string message)
    {
        var run = CliRun.Of("sweep", "--config", "edge-16x16", "--workload", "lenet5", "--vary", axis, "--out", _dir);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Is.EqualTo(message + Environment.NewLine));
        Assert.That(run.Output, Is.Empty, "nothing ran");
        Assert.That(Directory.Exists(_dir), Is.False, "nothing written");
    }

    [TestCase("--objectives", "energy", "--objectives: give at least two objectives (a front of one objective is just its minimum)")]
    [TestCase("--objectives", "energy,speed", "--objectives: unknown objective 'speed'; allowed: energy, cycles, area")]
    [TestCase("--shard", "4/3", "--shard: '4/3': need 1 <= I <= N (I is 1-based)")]
    [TestCase("--shard", "1of3", "--shard: '1of3': expected I/N with whole numbers, e.g. 2/3")]
    [TestCase("--jobs", "0", "--jobs: must be at least 1, got 0")]
    [TestCase("--workload", "lenet5", "--workload: workload 'lenet5' is given twice")]
    public void Should_Reject_Bad_Sweep_Options_Before_Any_Work(string option, string value, string message)
    {
        var run = CliRun.Of("sweep", "--config", "edge-16x16", "--workload", "lenet5", "--vary", "array.rows=8", option, value, "--out", _dir);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Is.EqualTo(message + Environment.NewLine));
        Assert.That(Directory.Exists(_dir), Is.False);
    }

    [Test]
    public void Should_Reject_An_Axis_Given_Twice()
    {
        var run = CliRun.Of("sweep", "--config", "edge-16x16", "--workload", "lenet5", "--vary", "array.rows=8", "--vary", "array.rows=16", "--out", _dir);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Is.EqualTo("--vary array.rows: duplicate axis; give each path once with all its values" + Environment.NewLine));
        Assert.That(Directory.Exists(_dir), Is.False);
    }

    [Test]
    public void Should_Blame_A_Datapath_Kind_That_Rejects_An_Option_Of_The_Base_Config()
    {
        // Given a base config with the scale-offset datapath and its folded form
        Directory.CreateDirectory(_dir);
        string config = Path.Combine(_dir, "so.yaml");
        File.WriteAllText(config, File.ReadAllText(CliRun.BuiltIn("edge-16x16")).Replace("kind: per-channel", "kind: scale-offset\n  form: folded", StringComparison.Ordinal));

        // When the sweep switches the kind to LSQ, which has no form option
        var run = CliRun.Of("sweep", "--config", config, "--workload", "lenet5", "--vary", "datapath.kind=scale-offset,lsq", "--out", Out("out"));

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Is.EqualTo("--vary datapath.kind: value 'lsq': datapath.form: unknown key; allowed: kind, weight_bits, activation_bits, accumulator_bits, activations, rounding" + Environment.NewLine));
        Assert.That(Directory.Exists(Out("out")), Is.False);
    }

    [Test]
    public void Should_Accept_An_Option_Axis_That_Another_Axis_Makes_Valid()
    {
        // datapath.form exists only for scale-offset: valid because the kind axis sets it
        var run = CliRun.Of("sweep", "--config", "edge-16x16", "--workload", "lenet5", "--vary", "datapath.kind=scale-offset", "--vary", "datapath.form=in-pe,folded", "--out", _dir);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(File.ReadAllLines(Path.Combine(_dir, "sweep.csv")), Has.Length.EqualTo(3));
    }

    [Test]
    public void Should_Name_The_Combination_When_Values_Are_Only_Invalid_Together()
    {
        // 4096 rows alone fit the 128 KiB buffers, 1 KiB alone fits 16 rows; together one 4096-byte step of the input stream does not fit half of 1 KiB.
        // 8-bit words: the table prices 256-byte banks only up to 32-bit words (edge-16x16's 128-bit rows start at 8 KB banks)
        var run = CliRun.Of("sweep", "--config", "edge-16x16", "--workload", "lenet5", "--vary", "array.rows=16,4096", "--vary", "buffers.ifmap.capacity_kib=1,128",
            "--vary", "buffers.ifmap.word_bits=8", "--out", _dir);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Is.EqualTo(
            "--vary array.rows=4096 buffers.ifmap.capacity_kib=1 buffers.ifmap.word_bits=8: buffers.ifmap.capacity_kib: values invalid together: a fold needs 4096 bytes of inputs (one step of the stream, 4096 rows) at w8a8, but half of the double-buffered ifmap buffer holds 512 bytes; allowed: at least 8 KiB"
            + Environment.NewLine));
        Assert.That(Directory.Exists(_dir), Is.False);
    }
}
