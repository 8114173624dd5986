using System.Text.Json;
using QuantSim.Cli.Study;
using QuantSim.Datapaths.Contract;

namespace QuantSim.Cli.Tests.Study;

/// <summary>
/// The study's equal-accuracy search through the runner, on a synthetic accuracy surface monotone in W and A,
/// against brute force over all 49 (W, A) cells priced independently with <see cref="StudyHardware"/>.
/// </summary>
public sealed class EqualAccuracySearchTests
{
    [TestCase(0.5)]
    [TestCase(1.0)]
    [TestCase(2.0)]
    public void Should_Pick_The_Cheapest_Point_Brute_Force_Over_The_Whole_Grid_Picks(double target)
    {
        var (result, config, lenet, variants) = Run([target]);

        foreach (var variant in variants)
        {
            // Brute force: every supported cell meeting the target, priced on its own
            var meeting = (from w in Enumerable.Range(2, 7)
                           from a in Enumerable.Range(2, 7)
                           let p = StudyPrecision.Point(w, a, edgeAt8: true)
                           where StudyHardware.Unsupported(variant, p) is null && SurfaceAccuracy.MeetsByHand(w, a, target)
                           select StudyHardware.Measure(config, lenet, variant, p, sizeAccumulators: true).Priced.EnergyPerInferencePj).ToList();
            var choice = result.EqualAccuracy.Single(c => c.Variant == variant.Label && c.TargetPoints == target);

            Assert.That(choice.Cheapest?.Model.Priced.EnergyPerInferencePj, Is.EqualTo(meeting.Count == 0 ? null : meeting.Min()), $"{variant.Label} at {target}");
            Assert.That(result.Searched.Count(r => r.Variant.Label == variant.Label), Is.LessThanOrEqualTo(14));
        }
    }

    [Test]
    public void Should_Share_Cells_Across_Targets_And_Compare_LSQ_With_Every_Offset_Form_At_Every_Level()
    {
        var (result, config, lenet, _) = Run([0.5, 2.0]);

        // Each (form, cell) is evaluated once, however many targets visit it
        Assert.That(result.Searched.Select(r => (r.Variant.Label, r.Precision.Label)).Distinct().Count(), Is.EqualTo(result.Searched.Length));

        // The headline: LSQ's cheapest against the folded form's cheapest, form / LSQ at every level, on the model
        var row = result.EqualAccuracyHeadline.Single(h => h.TargetPoints == 2.0 && h.Form == "scale-offset/folded");
        var lsq = result.EqualAccuracy.Single(c => c.TargetPoints == 2.0 && c.Variant == "lsq").Cheapest!;
        var folded = result.EqualAccuracy.Single(c => c.TargetPoints == 2.0 && c.Variant == "scale-offset/folded").Cheapest!;
        Assert.That(row.LsqPrecision, Is.EqualTo(lsq.Precision.Label));
        Assert.That(row.FormPrecision, Is.EqualTo(folded.Precision.Label));
        Assert.That(row.LevelsModel.Select(l => l.Level), Is.EqualTo(Energy.Model.AccountingLevels.All));
        double system = (double)(folded.Model.Priced.EnergyPerInferencePj / lsq.Model.Priced.EnergyPerInferencePj);
        Assert.That(row.LevelsModel.Single(l => l.Level == Energy.Model.AccountingLevel.System).EnergyRatio, Is.EqualTo(system).Within(1e-12));

        // And study.json lists every searched cell and the frontier per target
        using var json = JsonDocument.Parse(StudyWriter.Json(result));
        Assert.That(json.RootElement.GetProperty("searched").GetArrayLength(), Is.EqualTo(result.Searched.Length));
        var frontier = json.RootElement.GetProperty("equal_accuracy").EnumerateArray()
            .First(c => c.GetProperty("variant").GetString() == "lsq" && c.GetProperty("target_points").GetDouble() == 2.0).GetProperty("frontier");
        Assert.That(frontier.GetArrayLength(), Is.GreaterThan(0));
        Assert.That(json.RootElement.GetProperty("headline_equal_accuracy").GetArrayLength(), Is.EqualTo(result.EqualAccuracyHeadline.Length));
    }

    [Test]
    public void Should_Train_One_Seed_Of_A_Search_Cell_That_No_Later_Seeds_Could_Lift_To_The_Loosest_Target()
    {
        var (result, _, _, _) = Run([0.5, 1.0]);
        var grid = result.Rows.Select(r => (r.Variant.Label, r.Precision.Label)).ToHashSet();
        int stopped = 0;
        foreach (var row in result.Searched.Where(r => !grid.Contains((r.Variant.Label, r.Precision.Label))))
        {
            // Seed s scores 1980 - lost - (s - 2) of 2000. After seed 1, two more can give at most
            // x + (1 - x)(2/3 - 1/sqrt 3) (SeedStoppingTests); after seed 2, the best third seed on a 1/100,000 grid
            int w = row.Precision.Uniform.WeightBits, a = row.Precision.Uniform.ActivationBits;
            double Seed(int s) => (1980 - SurfaceAccuracy.Lost(w, a) - (s - 2)) / 2000.0;
            double x1 = Seed(1), x2 = Seed(2);
            bool afterOne = (x1 + (1 - x1) * (2.0 / 3 - 1 / Math.Sqrt(3))) * 100 < 99 - 1.0;
            bool afterTwo = Enumerable.Range(0, 100_001).Select(i => MeanMinusStd(x1, x2, i / 100_000.0)).Max() * 100 < 99 - 1.0;
            Assert.That(row.Accuracy!.Seeds.Length, Is.EqualTo(afterOne ? 1 : afterTwo ? 2 : 3), row.Precision.Label);
            if (afterOne || afterTwo)
            {
                // With all three seeds it would have failed the loosest target too: the answer is unchanged
                Assert.That(SurfaceAccuracy.MeetsByHand(w, a, 1.0), Is.False);
                stopped++;
            }
        }

        Assert.That(stopped, Is.GreaterThan(0), "the surface has hopeless search cells");
        // Grid cells keep every seed (the paired tests need them)
        Assert.That(result.Rows.Where(r => r.Accuracy is not null).All(r => r.Accuracy!.Seeds.Length == 3));
    }

    [Test]
    public void Should_Measure_Only_The_Grid_When_There_Are_No_Targets()
    {
        var (result, _, _, variants) = Run([.. QuantSim.Cli.Commands.StudyCommand.Targets("none")]);

        // The five equal-precision points of every form, measured; no search, no equal-accuracy answer
        Assert.That(result.Rows.Where(r => r.Accuracy is not null).Select(r => r.Precision.Label).Distinct(), Is.EqualTo(StudyPrecision.All.Select(p => p.Label)));
        Assert.That(result.Searched, Is.Empty);
        Assert.That(result.EqualAccuracy, Is.Empty);
        Assert.That(result.EqualAccuracyHeadline, Is.Empty);
        Assert.That(result.Headline, Is.Not.Empty);
    }

    [TestCase("--targets", "0,1", "--targets: 0: each target must be a number of points above 0 and at most 100")]
    [TestCase("--targets", "1,x", "--targets: x: each target must be a number")]
    [TestCase("--targets", "1,1", "--targets: 1: repeated target")]
    [TestCase("--first-last", "4", "--first-last: 4: allowed: 8, body")]
    public void Should_Refuse_Bad_Search_Options(string option, string value, string message)
    {
        var run = CliRun.Of("study", "--no-accuracy", option, value, "--out", Path.Combine(Path.GetTempPath(), $"quantsim-targets-{Guid.NewGuid():N}"));
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain(message).And.Not.Contain("   at "));
    }

    private static double MeanMinusStd(params double[] top1s)
    {
        double mean = top1s.Average();
        return mean - Math.Sqrt(top1s.Sum(v => (v - mean) * (v - mean)) / (top1s.Length - 1));
    }

    private static (StudyResult, Simulator.Config.AcceleratorConfig, Workloads.Workload, IReadOnlyList<StudyVariant>) Run(double[] targets)
    {
        string configFile = CliRun.BuiltIn("default");
        var config = Simulator.Config.AcceleratorConfigReader.Default.ReadFile(configFile);
        var lenet = Workloads.WorkloadSource.Resolve("lenet5");
        // LSQ, folded and in-PE scale-offset, and the bit-composable PE (no 3-bit mode: cells passed over)
        var variants = StudyVariant.All(DatapathRegistry.Default)
            .Where(v => v.Label is "lsq" or "scale-offset/folded" or "scale-offset/in-pe" || v.Label.StartsWith("mixed-precision", StringComparison.Ordinal)).ToList();
        var options = new StudyOptions("lenet5", "mnist", configFile, lenet.Name) { Targets = [.. targets], Seeds = 3 };
        return (StudyRunner.Run(options, variants, config, lenet, lenet, new SurfaceAccuracy(), new Progress<string>()), config, lenet, variants);
    }

    /// <summary>
    /// Top-1 on 2,000 images: float 1,980 right; a cell loses 4 images per missing weight bit and 7 per missing
    /// activation bit below 8, seeds 1-3 add +1, 0, -1 (mean drop (4 (8 - W) + 7 (8 - A)) / 20 points, std 0.05).
    /// </summary>
    private sealed class SurfaceAccuracy : IStudyAccuracy
    {
        public AccuracyPoint? Measure(StudyVariant variant, StudyPrecision precision, int qatSeed, IProgress<string> progress)
        {
            int right = 1980 - Lost(precision.Uniform.WeightBits, precision.Uniform.ActivationBits) - (qatSeed - 2);
            bool[] correct = [.. Enumerable.Range(0, 2000).Select(i => i < right)];
            return new AccuracyPoint(right / 2000.0, right / 2000.0 - 0.01, right / 2000.0 + 0.01, 0.99, 1, [.. correct]);
        }

        public double PairedPValue(AccuracyPoint a, AccuracyPoint b) => Workloads.Torch.Statistics.McNemarTest.Compare(a.Correct, b.Correct).PValue;

        public static int Lost(int w, int a) => 4 * (8 - w) + 7 * (8 - a);

        /// <summary>Mean minus one std within the target, worked out in images: drop + 1 image (0.05 points) at most 20 x target images.</summary>
        public static bool MeetsByHand(int w, int a, double target) => Lost(w, a) + 1 <= 20 * target;
    }
}
