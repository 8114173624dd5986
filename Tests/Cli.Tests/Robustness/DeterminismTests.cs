namespace QuantSim.Cli.Tests.Robustness;

/// <summary>
/// Issue 16's determinism requirement for the study (the sweep's, --jobs 1 against --jobs 2, is
/// SweepCommandTests.Should_Write_The_Same_Bytes_On_Every_Run_And_For_Any_Number_Of_Jobs): two runs
/// give byte-identical files, so a result can be diffed against an archived one.
/// </summary>
public sealed class DeterminismTests
{
    [Test]
    public void Should_Write_Byte_Identical_Study_Files_On_Two_Runs()
    {
        using var files = new TempFiles();
        string first = Path.Combine(files.Root, "first");
        string second = Path.Combine(files.Root, "second");

        var a = CliRun.Of("study", "--no-accuracy", "--out", first);
        var b = CliRun.Of("study", "--no-accuracy", "--out", second);

        Assert.That(new[] { a.ExitCode, b.ExitCode }, Is.All.EqualTo(0), a.Error + b.Error);
        var names = Directory.GetFiles(first).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        Assert.That(Directory.GetFiles(second).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal), Is.EqualTo(names));
        Assert.That(names, Does.Contain("study.json").And.Contain("study.csv"));
        foreach (string name in names)
        {
            Assert.That(File.ReadAllBytes(Path.Combine(second, name)), Is.EqualTo(File.ReadAllBytes(Path.Combine(first, name))), name);
        }
    }
}
