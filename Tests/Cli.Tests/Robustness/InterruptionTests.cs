using QuantSim.Cli.Reports;

namespace QuantSim.Cli.Tests.Robustness;

/// <summary>
/// Issue 16's "interrupted runs lose nothing": the built quantsim, run as a process, gets SIGINT or
/// SIGTERM mid-run. It must end with 128 + the signal (130, 143), leave nothing in --out (not even its
/// hidden staging folder), and the same command run again must write exactly the bytes of a run
/// that was never interrupted.
/// </summary>
[NonParallelizable]
public sealed class InterruptionTests
{
    // The first point (ResNet-18 on a 4x4 array, many folds) runs for about a second, so the signal
    // sent when the "points" line appears lands while points are still running even on a loaded
    // machine; ResNet-20 on larger arrays finished all eight points before the signal once.
    private static readonly Func<string, string[]> Sweep = outDir =>
        ["sweep", "--workload", "resnet18", "--vary", "array.rows=4,8,16,32", "--vary", "array.cols=4,8", "--jobs", "1", "--out", outDir];

    private static readonly Func<string, string[]> Study = outDir => ["study", "--no-accuracy", "--large", "resnet20", "--out", outDir];

    [TestCase(CliProcess.Sigint, "SIGINT", 130)]
    [TestCase(CliProcess.Sigterm, "SIGTERM", 143)]
    public void Should_Leave_No_Result_When_A_Sweep_Is_Interrupted_And_Rerun_To_The_Same_Bytes(int signal, string name, int exitCode) =>
        InterruptAndRerun(Sweep, "sweep: 8 points", signal, name, exitCode, ["sweep.csv", "sweep.json", "sweep.png"]);

    [TestCase(CliProcess.Sigint, "SIGINT", 130)]
    [TestCase(CliProcess.Sigterm, "SIGTERM", 143)]
    public void Should_Leave_No_Result_When_A_Study_Is_Interrupted_And_Rerun_To_The_Same_Bytes(int signal, string name, int exitCode) =>
        InterruptAndRerun(Study, "study: fixed-point w8a8: hardware", signal, name, exitCode,
            ["breakdown.png", "equal-accuracy.png", "headline.md", "pareto.png", "ratio-per-level.png", "report.html", "study.csv", "study.json"]);

    [Test]
    public void Should_Remove_The_Staging_Folder_And_Write_Nothing_When_Cancelled_Before_The_Files_Move()
    {
        // A signal that arrives while the files are being staged: the moves are the only step not
        // interrupted, and they do not start.
        using var files = new TempFiles();
        string outDir = Path.Combine(files.Root, "out");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => OutputDirectory.Write(outDir, [("a.json", "{}"u8.ToArray())], cancelled.Token));

        Assert.That(Entries(outDir), Is.Empty);
    }

    private static void InterruptAndRerun(Func<string, string[]> command, string runningLine, int signal, string name, int exitCode, string[] expectedFiles)
    {
        using var files = new TempFiles();
        string outDir = Path.Combine(files.Root, "out");
        using (var cli = CliProcess.Start(command(outDir)))
        {
            // The line is printed once the points have started to run.
            Assert.That(cli.WaitForLine(runningLine), Is.True, cli.Text);
            cli.Signal(signal);
            Assert.That(cli.WaitForExit(), Is.EqualTo(exitCode), cli.Text);
            Assert.That(cli.Text, Does.Contain($"quantsim: {name} received: stopping after the points in progress"));
            Assert.That(cli.Text, Does.Contain($"quantsim: interrupted by {name}; no results were written to --out"));
        }

        Assert.That(Entries(outDir), Is.Empty, "an interrupted run left files in --out");

        using (var rerun = CliProcess.Start(command(outDir)))
        {
            Assert.That(rerun.WaitForExit(), Is.EqualTo(0), rerun.Text);
        }

        string referenceDir = Reference(command);
        Assert.That(Entries(outDir), Is.EqualTo(expectedFiles));
        Assert.That(Entries(referenceDir), Is.EqualTo(expectedFiles));
        foreach (string file in expectedFiles)
        {
            Assert.That(File.ReadAllBytes(Path.Combine(outDir, file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(referenceDir, file))), file);
        }
    }

    private static readonly Dictionary<Func<string, string[]>, string> References = [];
    private static readonly TempFiles ReferenceFiles = new();

    /// <summary>The command run once in-process, never interrupted: what every rerun must equal, byte for byte.</summary>
    private static string Reference(Func<string, string[]> command)
    {
        if (!References.TryGetValue(command, out string? directory))
        {
            directory = Path.Combine(ReferenceFiles.Root, References.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var run = CliRun.Of(command(directory));
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
            References[command] = directory;
        }

        return directory;
    }

    [OneTimeTearDown]
    public void RemoveReferences() => ReferenceFiles.Dispose();

    /// <summary>Every entry of the directory, hidden ones too, sorted; none when it does not exist.</summary>
    private static IEnumerable<string> Entries(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFileSystemEntries(directory).Select(e => Path.GetFileName(e)).Order(StringComparer.Ordinal).ToList()
            : [];
}
