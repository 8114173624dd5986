namespace QuantSim.Cli.Tests;

public sealed class CompareCommandTests
{
    private string _dir = null!;

    [OneTimeSetUp]
    public void SimulateThreeResults()
    {
        _dir = Path.Combine(Path.GetTempPath(), $"quantsim-compare-{Guid.NewGuid():N}");
        foreach (var (name, args) in new[]
                 {
                     ("a", new[] { "--workload", "lenet5" }),
                     ("b", new[] { "--workload", "lenet5" }),
                     ("edge", new[] { "--workload", "lenet5", "--config", "edge-16x16" }),
                     ("alex", new[] { "--workload", "alexnet", "--config", "edge-16x16" }),
                 })
        {
            var run = CliRun.Of(["simulate", .. args, "--out", Path.Combine(_dir, name)]);
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        }
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_dir, true);

    private string Result(string name) => Path.Combine(_dir, name, "result.json");

    [Test]
    public void Should_Exit_0_When_Nothing_Changed()
    {
        var run = CliRun.Of("compare", Result("a"), Result("b"));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain("no differences"));
    }

    [Test]
    public void Should_Exit_1_When_A_Figure_Moves_Past_The_Threshold_And_Show_It()
    {
        // The 16x16 config takes more cycles than the 32x32 default for the same network
        var run = CliRun.Of("compare", Result("a"), Result("edge"), "--threshold", "0.01");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Does.Contain("past threshold").And.Contain("total").And.Contain("conv1"));
    }

    [Test]
    public void Should_Exit_0_When_Every_Change_Is_Within_Its_Threshold()
    {
        var run = CliRun.Of("compare", Result("a"), Result("edge"), "--threshold", "1000");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain("within thresholds"));
    }

    [Test]
    public void Should_Apply_Per_Metric_Thresholds()
    {
        // Everything may move by 1000x except area, which must not move at all; the configs differ in area
        var run = CliRun.Of("compare", Result("a"), Result("edge"), "--threshold", "1000", "--threshold", "area_mm2=0");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Does.Contain("1 figures moved past their threshold"));
    }

    [Test]
    public void Should_Write_The_Table_As_Markdown()
    {
        string markdown = Path.Combine(_dir, "diff.md");

        CliRun.Of("compare", Result("a"), Result("edge"), "--markdown", markdown);

        string text = File.ReadAllText(markdown);
        Assert.That(text, Does.StartWith("| scope | metric | old | new | change | threshold | |"));
        Assert.That(text, Does.Contain("| total | cycles |"));
    }

    [Test]
    public void Should_Exit_2_When_The_Workloads_Differ()
    {
        var run = CliRun.Of("compare", Result("a"), Result("alex"));

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("workload.name: compares 'alexnet' against 'lenet5'"));
    }

    [Test]
    public void Should_Exit_2_On_A_File_That_Is_Not_A_Result()
    {
        string bogus = Path.Combine(_dir, "bogus.json");
        File.WriteAllText(bogus, "{ \"hello\": 1 }");

        var run = CliRun.Of("compare", Result("a"), bogus);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error.Trim(), Is.EqualTo($"{bogus}:1:1: (root): required field 'schema' is missing (schema, a string)"));
    }

    [Test]
    public void Should_Exit_2_On_Broken_Json_Naming_The_Line()
    {
        string broken = Path.Combine(_dir, "broken.json");
        File.WriteAllText(broken, "{\n  \"schema\": \n}");

        var run = CliRun.Of("compare", broken, Result("a"));

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.StartWith($"{broken}:3:"));
    }

    [Test]
    public void Should_Exit_2_On_An_Unknown_Threshold_Metric()
    {
        var run = CliRun.Of("compare", Result("a"), Result("b"), "--threshold", "speed=0.1");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("speed: unknown metric"));
    }
}
