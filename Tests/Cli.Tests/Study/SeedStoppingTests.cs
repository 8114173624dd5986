using QuantSim.Cli.Study;

namespace QuantSim.Cli.Tests.Study;

/// <summary>
/// The early stop of a search cell's seeds: the bound against a closed form worked out by hand, against brute
/// force over the remaining seeds' scores, and never rejecting a cell that some scores would let pass.
/// </summary>
public sealed class SeedStoppingTests
{
    // With one seed x measured and two to come at y >= x: mean = x + 2(y - x)/3, s = (y - x)/sqrt 3, so
    // mean - s = x + (y - x)(2/3 - 1/sqrt 3), largest at y = 1 (below x it is below x).
    [TestCase(0.86)]
    [TestCase(0.40)]
    [TestCase(0.95)]
    public void Should_Equal_The_Hand_Closed_Form_With_One_Seed_Of_Three(double x)
    {
        double byHand = x + (1 - x) * (2.0 / 3 - 1 / Math.Sqrt(3));
        Assert.That(SeedStopping.HighestMeanMinusStd([x], 2), Is.EqualTo(byHand).Within(1e-12));
    }

    [Test]
    public void Should_Bound_Every_Outcome_Of_The_Remaining_Seeds_Brute_Force()
    {
        // Remaining seeds on a 1/200 grid over [0, 1], two measured seeds and up to three to come
        var random = new Random(7);
        for (int trial = 0; trial < 40; trial++)
        {
            double[] measured = [.. Enumerable.Range(0, 1 + trial % 2).Select(_ => 0.3 + 0.7 * random.NextDouble())];
            int remaining = 1 + trial % 2;
            double bound = SeedStopping.HighestMeanMinusStd(measured, remaining);
            double best = double.NegativeInfinity;
            foreach (var rest in Grid(remaining, 200))
            {
                double[] all = [.. measured, .. rest];
                double mean = all.Average();
                double sd = Math.Sqrt(all.Sum(v => (v - mean) * (v - mean)) / (all.Length - 1));
                best = Math.Max(best, mean - sd);
            }

            // No outcome beats the bound, and the grid comes within its spacing of it (the bound is attained)
            Assert.That(best, Is.LessThanOrEqualTo(bound + 1e-12), string.Join(", ", measured));
            Assert.That(best, Is.GreaterThan(bound - 0.01), string.Join(", ", measured));
        }
    }

    [Test]
    public void Should_Stop_Only_When_No_Scores_Can_Pass()
    {
        // Float 95 %, loosest target 2 points: mean - s must reach 93 %
        // 86 %: at best 86 + 14 x 0.0893 = 87.25 %, cannot pass
        Assert.That(SeedStopping.CannotMeet([0.86], 2, 0.95, 2.0), Is.True);
        // 92.5 %: at best 92.5 + 7.5 x 0.0893 = 93.17 %, two perfect seeds would pass
        Assert.That(SeedStopping.CannotMeet([0.925], 2, 0.95, 2.0), Is.False);
        // The last seed is never skipped by this rule: nothing remains
        Assert.That(SeedStopping.CannotMeet([0.10, 0.10], 0, 0.95, 2.0), Is.False);
    }

    private static IEnumerable<double[]> Grid(int count, int steps)
    {
        if (count == 0)
        {
            yield return [];
            yield break;
        }

        for (int i = 0; i <= steps; i++)
        {
            foreach (var rest in Grid(count - 1, steps))
            {
                yield return [i / (double)steps, .. rest];
            }
        }
    }
}
