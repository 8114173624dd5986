using System.Text.Json;
using QuantSim.Cli.Study;
using QuantSim.Datapaths.Contract;

namespace QuantSim.Cli.Tests.Study;

/// <summary>
/// Seeds through the study's runner and writer: per-seed accuracies from a fake source whose figures are
/// chosen so that the mean, the sample standard deviation, the paired t-test and McNemar per seed can be
/// worked out by hand.
/// </summary>
public sealed class StudySeedsTests
{
    [Test]
    public void Should_Report_Mean_Std_Paired_T_And_McNemar_Per_Seed()
    {
        // Given LSQ right on 90, 91, 92 of 100 images under seeds 1-3 and every offset form on 91, 93, 95
        // (always a superset of LSQ's images), every other variant on 80
        var lines = new List<string>();
        var result = Run(new SeededAccuracy(), new Inline(lines.Add));
        string json = StudyWriter.Json(result);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        var lsq = root.GetProperty("rows").EnumerateArray().First(r => r.GetProperty("variant").GetString() == "lsq" && r.GetProperty("precision").GetString() == "w4a4");
        var accuracy = lsq.GetProperty("accuracy");
        // mean 0.91; sample std sqrt((0.01^2 + 0 + 0.01^2) / 2) = 0.01
        Assert.That(accuracy.GetProperty("top1_mean").GetDouble(), Is.EqualTo(0.91).Within(1e-12));
        Assert.That(accuracy.GetProperty("top1_std").GetDouble(), Is.EqualTo(0.01).Within(1e-12));
        Assert.That(accuracy.GetProperty("seeds").EnumerateArray().Select(s => s.GetProperty("seed").GetInt32()), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(root.GetProperty("qat_seeds").EnumerateArray().Select(s => s.GetInt32()), Is.EqualTo(new[] { 1, 2, 3 }));

        var headline = root.GetProperty("headline").EnumerateArray().First(h => h.GetProperty("precision").GetString() == "w4a4" && h.GetProperty("form").GetString() == "scale-offset/folded");
        // Differences 1, 2, 3 points: mean 2; t = 2 sqrt 3 with 2 df, p = 1 - t / sqrt(2 + t^2)
        double t = 2 * Math.Sqrt(3);
        Assert.That(headline.GetProperty("accuracy_delta_points").GetDouble(), Is.EqualTo(2.0).Within(1e-9));
        Assert.That(headline.GetProperty("paired_t_p").GetDouble(), Is.EqualTo(1 - t / Math.Sqrt(2 + t * t)).Within(1e-9));
        // McNemar per seed: b = 0, c = 1, 2, 3 discordant images, p = min(1, 2 * 0.5^c)
        Assert.That(headline.GetProperty("mcnemar_p").EnumerateArray().Select(p => p.GetDouble()), Is.EqualTo(new[] { 1.0, 0.5, 0.25 }).Within(1e-12));

        // And progress counts every (cell, seed) once per numerics (forms computing the same integers share a
        // training), ending at total/total; this source answers at once, as a cache does, so no line estimates a time
        // The float baseline is priced and never trained: its rows carry no accuracy and count no cell.
        Assert.That(result.Rows.Where(r => r.Variant.Fixed is not null).Select(r => r.Accuracy).ToList(), Has.Count.EqualTo(3).And.All.Null);
        int cells = result.Rows.Where(r => r.Variant.Fixed is null).Select(r => (r.Variant.Numerics, r.Precision.Label)).Distinct().Count() * 3;
        Assert.That(cells, Is.LessThan(result.Rows.Length * 3), "the scale-offset zero-point forms share their cells");
        Assert.That(lines.Where(l => l.Contains("accuracy cell")).ToList(), Has.Count.EqualTo(cells));
        Assert.That(lines.Last(l => l.Contains("accuracy cell")), Does.Contain($"cell {cells}/{cells} done").And.EndWith("(from the cache)"));
    }

    [Test]
    public void Should_Give_No_Std_Or_T_Test_With_One_Seed()
    {
        var result = Run(new SeededAccuracy(), new Inline(_ => { }), seeds: 1);
        using var document = JsonDocument.Parse(StudyWriter.Json(result));
        var row = document.RootElement.GetProperty("rows")[0].GetProperty("accuracy");
        var headline = document.RootElement.GetProperty("headline")[0];

        Assert.That(row.TryGetProperty("top1_std", out _), Is.False);
        Assert.That(headline.TryGetProperty("paired_t_p", out _), Is.False);
        Assert.That(headline.GetProperty("mcnemar_p").GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public void Should_Estimate_The_Time_Left_From_The_Seconds_Per_Cell()
    {
        // 8 cells left at 30 s each: 240 s
        Assert.That(StudyProgress.Line("lsq w4a4 seed 2", 2, 10, false, 30), Is.EqualTo("lsq w4a4 seed 2: accuracy cell 2/10 done, median 30.0 s per trained cell, about 4 min left"));
        Assert.That(StudyProgress.Line("x", 10, 10, false, 30), Does.EndWith("about 0 s left"));
        Assert.That(StudyProgress.Line("x", 2, 10, true, 30), Is.EqualTo("x: accuracy cell 2 of at most 10 done, median 30.0 s per trained cell, at most 4 min left"));
        Assert.That(StudyProgress.Line("x", 1, 10, false, null), Is.EqualTo("x: accuracy cell 1/10 done (from the cache)"));
    }

    [Test]
    public void Should_Leave_The_Float_Training_And_Cached_Cells_Out_Of_The_Estimate()
    {
        // Given a first cell that also trained the float network (3,600 s), a cached cell (0.2 s) and two
        // fine-tuned cells of 60 and 80 s, on a clock the test advances
        var lines = new List<string>();
        TimeSpan now = TimeSpan.Zero;
        var progress = new StudyProgress(10, bound: false, new Collect(lines), () => now);
        foreach (double seconds in new[] { 3600, 0.2, 60, 80 })
        {
            now += TimeSpan.FromSeconds(seconds);
            progress.CellDone("cell");
        }

        // Then the cached cell leaves the estimate where it was, and the last estimate is the median of 3,600,
        // 60 and 80 s (80 s) times the 6 cells left, where a mean would give 6 x 935 s
        Assert.That(lines[1], Is.EqualTo("cell: accuracy cell 2/10 done, median 3600.0 s per trained cell, about 8.0 h left"));
        Assert.That(lines[3], Is.EqualTo("cell: accuracy cell 4/10 done, median 80.0 s per trained cell, about 8 min left"));
    }

    private sealed class Collect(List<string> lines) : IProgress<string>
    {
        public void Report(string value) => lines.Add(value);
    }

    [Test]
    public void Should_Refuse_A_Seed_Count_Below_One()
    {
        var run = CliRun.Of("study", "--no-accuracy", "--seeds", "0", "--out", Path.Combine(Path.GetTempPath(), $"quantsim-seeds-{Guid.NewGuid():N}"));
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--seeds").And.Contain("must be between 1 and 100, got 0").And.Not.Contain("   at "));
    }

    private static StudyResult Run(IStudyAccuracy accuracy, IProgress<string> progress, int seeds = 3)
    {
        string configFile = CliRun.BuiltIn("default");
        var config = Simulator.Config.AcceleratorConfigReader.Default.ReadFile(configFile);
        var lenet = Workloads.WorkloadSource.Resolve("lenet5");
        // No targets: the equal-accuracy search has its own tests
        var options = new StudyOptions("lenet5", "mnist", configFile, lenet.Name) { Seeds = seeds, Targets = [] };
        return StudyRunner.Run(options, StudyVariant.All(DatapathRegistry.Default), config, lenet, lenet, accuracy, progress);
    }

    private sealed class SeededAccuracy : IStudyAccuracy
    {
        public AccuracyPoint? Measure(StudyVariant variant, StudyPrecision precision, int qatSeed, IProgress<string> progress)
        {
            int right = variant.Label == "lsq" ? 89 + qatSeed : variant.HasOffset ? 89 + 2 * qatSeed : 80;
            bool[] correct = [.. Enumerable.Range(0, 100).Select(i => i < right)];
            return new AccuracyPoint(right / 100.0, right / 100.0 - 0.05, right / 100.0 + 0.05, 0.99, 1, [.. correct]);
        }

        public double PairedPValue(AccuracyPoint a, AccuracyPoint b) => Workloads.Torch.Statistics.McNemarTest.Compare(a.Correct, b.Correct).PValue;
    }

    /// <summary>Reports on the caller's thread, in order (Progress&lt;T&gt; posts to the thread pool).</summary>
    private sealed class Inline(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
