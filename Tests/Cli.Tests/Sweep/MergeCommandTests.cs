namespace QuantSim.Cli.Tests.Sweep;

public sealed class MergeCommandTests
{
    private static readonly string[] SmallSweep =
        ["sweep", "--config", "edge-16x16", "--workload", "lenet5", "--vary", "array.rows=8,16", "--vary", "array.dataflow=os,ws,is"];

    private string _dir = null!;

    /// <summary>The unsharded sweep and its three shards (each in its own directory), computed once.</summary>
    [OneTimeSetUp]
    public void RunTheSweepWholeAndInThreeShards()
    {
        _dir = Path.Combine(Path.GetTempPath(), $"quantsim-merge-{Guid.NewGuid():N}");
        var whole = CliRun.Of([.. SmallSweep, "--out", Dir("whole")]);
        Assert.That(whole.ExitCode, Is.EqualTo(0), whole.Error);
        for (int i = 1; i <= 3; i++)
        {
            var shard = CliRun.Of([.. SmallSweep, "--shard", $"{i}/3", "--out", Dir($"shard{i}")]);
            Assert.That(shard.ExitCode, Is.EqualTo(0), shard.Error);
        }

        // A shard of a different sweep (other dataflow values), same count
        var other = CliRun.Of("sweep", "--config", "edge-16x16", "--workload", "lenet5", "--vary", "array.rows=8,16", "--vary", "array.dataflow=os,ws",
            "--shard", "3/3", "--out", Dir("other"));
        Assert.That(other.ExitCode, Is.EqualTo(0), other.Error);

        // The same sweep cut into two shards instead of three
        var halves = CliRun.Of([.. SmallSweep, "--shard", "2/2", "--out", Dir("halves")]);
        Assert.That(halves.ExitCode, Is.EqualTo(0), halves.Error);
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_dir, true);

    private string Dir(string name) => Path.Combine(_dir, name);

    [Test]
    public void Should_Rebuild_The_Unsharded_Sweep_Byte_For_Byte()
    {
        var merge = CliRun.Of("merge", Dir("shard1"), Dir("shard2"), Dir("shard3"), "--out", Dir("merged"));

        Assert.That(merge.ExitCode, Is.EqualTo(0), merge.Error);
        Assert.That(Directory.GetFiles(Dir("shard2")).Select(Path.GetFileName), Is.EqualTo(new[] { "shard-2-of-3.json" }));
        foreach (string file in new[] { "sweep.json", "sweep.csv" })
        {
            Assert.That(File.ReadAllBytes(Path.Combine(Dir("merged"), file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(Dir("whole"), file))), file);
        }
    }

    [Test]
    public void Should_Accept_Shard_Files_In_Any_Order()
    {
        var merge = CliRun.Of("merge", Shard("shard3", 3), Shard("shard1", 1), Shard("shard2", 2), "--out", Dir("any-order"));

        Assert.That(merge.ExitCode, Is.EqualTo(0), merge.Error);
        Assert.That(File.ReadAllBytes(Path.Combine(Dir("any-order"), "sweep.json")), Is.EqualTo(File.ReadAllBytes(Path.Combine(Dir("whole"), "sweep.json"))));
    }

    [Test]
    public void Should_Reject_A_Missing_Shard()
    {
        var merge = CliRun.Of("merge", Dir("shard1"), Dir("shard3"), "--out", Dir("missing"));

        Assert.That(merge.ExitCode, Is.EqualTo(2));
        Assert.That(merge.Error, Is.EqualTo("merge: missing shard 2/3" + Environment.NewLine));
        Assert.That(Directory.Exists(Dir("missing")), Is.False);
    }

    [Test]
    public void Should_Reject_A_Shard_Given_Twice()
    {
        var merge = CliRun.Of("merge", Dir("shard1"), Dir("shard2"), Dir("shard3"), Dir("shard2"), "--out", Dir("twice"));

        Assert.That(merge.ExitCode, Is.EqualTo(2));
        string file = Shard("shard2", 2);
        Assert.That(merge.Error, Is.EqualTo($"{file}: shard: shard 2/3 is given twice ({file}, {file})" + Environment.NewLine));
        Assert.That(Directory.Exists(Dir("twice")), Is.False);
    }

    [Test]
    public void Should_Reject_A_Shard_Of_Another_Sweep()
    {
        var merge = CliRun.Of("merge", Dir("shard1"), Dir("shard2"), Dir("other"), "--out", Dir("mixed"));

        Assert.That(merge.ExitCode, Is.EqualTo(2));
        Assert.That(merge.Error, Is.EqualTo(
            $"{Shard("other", 3)}: definition: comes from a different sweep than {Shard("shard1", 1)} (config, its content, workloads, axes or objectives differ)" + Environment.NewLine));
        Assert.That(Directory.Exists(Dir("mixed")), Is.False);
    }

    [Test]
    public void Should_Reject_Shards_Of_Different_Counts()
    {
        var merge = CliRun.Of("merge", Dir("shard1"), Dir("shard2"), Dir("halves"), "--out", Dir("counts"));

        Assert.That(merge.ExitCode, Is.EqualTo(2));
        Assert.That(merge.Error, Is.EqualTo(
            $"{Path.Combine(Dir("halves"), "shard-2-of-2.json")}: shard: is shard 2/2 but {Shard("shard1", 1)} is shard 1/3: the shard counts differ" + Environment.NewLine));
    }

    [Test]
    public void Should_Reject_Shards_Computed_By_Different_Versions()
    {
        // Given shard 3 as if written by another quantsim version
        Directory.CreateDirectory(Dir("old"));
        string old = Path.Combine(Dir("old"), "shard-3-of-3.json");
        string text = File.ReadAllText(Shard("shard3", 3));
        string tool = System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("tool").GetString()!;
        File.WriteAllText(old, text.Replace($"\"tool\": \"{tool}\"", "\"tool\": \"quantsim 0.0.1\"", StringComparison.Ordinal));

        var merge = CliRun.Of("merge", Dir("shard1"), Dir("shard2"), Dir("old"), "--out", Dir("versions"));

        Assert.That(merge.ExitCode, Is.EqualTo(2));
        Assert.That(merge.Error, Is.EqualTo($"{old}: tool: was computed by quantsim 0.0.1 but {Shard("shard1", 1)} by {tool}; run all shards with one version" + Environment.NewLine));
    }

    [Test]
    public void Should_Reject_A_Shard_File_That_Was_Edited()
    {
        // Given shard 1 with one point's id changed by hand
        Directory.CreateDirectory(Dir("edited"));
        string edited = Path.Combine(Dir("edited"), "shard-1-of-3.json");
        File.WriteAllText(edited, File.ReadAllText(Shard("shard1", 1)).Replace("\"id\": \"lenet5/array.rows=8/array.dataflow=os\"", "\"id\": \"lenet5/array.rows=9/array.dataflow=os\"", StringComparison.Ordinal));

        var merge = CliRun.Of("merge", Dir("edited"), Dir("shard2"), Dir("shard3"), "--out", Dir("from-edited"));

        Assert.That(merge.ExitCode, Is.EqualTo(2));
        Assert.That(merge.Error, Is.EqualTo($"{edited}: points: point 0 is 'lenet5/array.rows=9/array.dataflow=os', but the sweep definition makes it 'lenet5/array.rows=8/array.dataflow=os'" + Environment.NewLine));
    }

    [Test]
    public void Should_Reject_A_Shard_Point_That_Lost_A_Priced_Figure()
    {
        // Given shard 1 with every point's energy deleted by hand: a missing figure must not read as 0
        Directory.CreateDirectory(Dir("no-energy"));
        string cut = Path.Combine(Dir("no-energy"), "shard-1-of-3.json");
        File.WriteAllLines(cut, File.ReadAllLines(Shard("shard1", 1)).Where(l => !l.Contains("\"energy_per_inference_pj\"", StringComparison.Ordinal)));

        var merge = CliRun.Of("merge", Dir("no-energy"), Dir("shard2"), Dir("shard3"), "--out", Dir("from-cut"));

        Assert.That(merge.ExitCode, Is.EqualTo(2));
        Assert.That(merge.Error, Does.StartWith($"{cut}: not a sweep shard file (quantsim.sweep-shard/2): ").And.Contain("energy_per_inference_pj"));
        Assert.That(Directory.Exists(Dir("from-cut")), Is.False);
    }

    private string Shard(string dir, int index) => Path.Combine(Dir(dir), $"shard-{index}-of-3.json");
}
