using QuantSim.Cli.Study;

namespace QuantSim.Cli.Tests.Study;

/// <summary>The staircase search against brute force over the whole 7 x 7 grid of (W, A) in 2..8.</summary>
public sealed class FrontierSearchTests
{
    private const int Min = 2, Max = 8;

    [Test]
    public void Should_Find_The_Cheapest_Point_Brute_Force_Finds_On_Random_Monotone_Surfaces()
    {
        var random = new Random(20261202);
        for (int trial = 0; trial < 2000; trial++)
        {
            // Given a random accuracy surface made monotone in W and in A (running maxima), a random target,
            // and an energy strictly increasing in W and in A
            double[,] accuracy = Monotone(random);
            double[,] energy = Energy(random);
            double threshold = random.NextDouble();
            bool Meets(int w, int a) => accuracy[w, a] >= threshold;

            var frontier = FrontierSearch.Search(Min, Max, (w, a) => Meets(w, a));

            // Then the search looks at no more than 14 cells and its cheapest frontier point is brute force's
            Assert.That(frontier.Evaluated, Has.Length.LessThanOrEqualTo(14));
            var all = Grid().Where(c => Meets(c.W, c.A)).ToList();
            double? brute = all.Count == 0 ? null : all.Min(c => energy[c.W, c.A]);
            double? searched = frontier.Points.Length == 0 ? null : frontier.Points.Min(c => energy[c.W, c.A]);
            Assert.That(searched, Is.EqualTo(brute), $"trial {trial}");
            // and every frontier point is the smallest A meeting the target at its W, for every W that has one
            var perW = Enumerable.Range(Min, Max - Min + 1).Reverse()
                .Select(w => (W: w, A: Enumerable.Range(Min, Max - Min + 1).Where(a => Meets(w, a)).Cast<int?>().FirstOrDefault()))
                .Where(x => x.A is not null).Select(x => (x.W, x.A!.Value)).ToArray();
            Assert.That(frontier.Points, Is.EqualTo(perW), $"trial {trial}");
            // and every cell it evaluated is distinct
            Assert.That(frontier.Evaluated.Distinct().Count(), Is.EqualTo(frontier.Evaluated.Length));
        }
    }

    [Test]
    public void Should_Pass_Over_Cells_The_Variant_Cannot_Run()
    {
        // Given a variant without 3-bit operands (the bit-composable PE has 2-, 4- and 8-bit modes) on monotone surfaces
        var random = new Random(7);
        for (int trial = 0; trial < 500; trial++)
        {
            double[,] accuracy = Monotone(random);
            double[,] energy = Energy(random);
            double threshold = random.NextDouble();
            bool Runs(int w, int a) => w is 2 or 4 or 8 && a is 2 or 4 or 8;
            var frontier = FrontierSearch.Search(Min, Max, (w, a) => Runs(w, a) ? accuracy[w, a] >= threshold : null);

            var all = Grid().Where(c => Runs(c.W, c.A) && accuracy[c.W, c.A] >= threshold).ToList();
            double? brute = all.Count == 0 ? null : all.Min(c => energy[c.W, c.A]);
            double? searched = frontier.Points.Length == 0 ? null : frontier.Points.Min(c => energy[c.W, c.A]);
            Assert.That(searched, Is.EqualTo(brute), $"trial {trial}");
            Assert.That(frontier.Evaluated, Has.All.Matches<(int W, int A)>(c => Runs(c.W, c.A)));
        }
    }

    [Test]
    public void Should_Miss_A_Cheaper_Point_On_A_Surface_That_Is_Not_Monotone()
    {
        // Given a surface where fewer weight bits do better: (8, 2) fails, (8, 3) meets, and (7, 2) meets
        bool? Meets(int w, int a) => a >= 3 || (w == 7 && a == 2);

        var frontier = FrontierSearch.Search(Min, Max, Meets);

        // Then the search, starting W = 7 at A = 3, never looks at (7, 2): the documented limit of the assumption
        Assert.That(frontier.Points, Does.Contain((7, 3)).And.Not.Contain((7, 2)));
        Assert.That(frontier.Evaluated, Does.Not.Contain((7, 2)));
    }

    [Test]
    public void Should_Stop_When_A_Whole_Row_Fails()
    {
        // Given a target only W >= 6 can meet, at A >= 5
        var frontier = FrontierSearch.Search(Min, Max, (w, a) => w >= 6 && a >= 5);

        // Then: W = 8 climbs A from 2 to 5, W = 7 and 6 take A = 5 at once, W = 5 fails 5..8 and the search stops
        Assert.That(frontier.Points, Is.EqualTo(new[] { (8, 5), (7, 5), (6, 5) }));
        Assert.That(frontier.Evaluated, Is.EqualTo(new[] { (8, 2), (8, 3), (8, 4), (8, 5), (7, 5), (6, 5), (5, 5), (5, 6), (5, 7), (5, 8) }));
    }

    private static IEnumerable<(int W, int A)> Grid() =>
        from w in Enumerable.Range(Min, Max - Min + 1) from a in Enumerable.Range(Min, Max - Min + 1) select (w, a);

    private static double[,] Monotone(Random random)
    {
        var s = new double[Max + 1, Max + 1];
        for (int w = Min; w <= Max; w++)
        {
            for (int a = Min; a <= Max; a++)
            {
                s[w, a] = Math.Max(random.NextDouble(), Math.Max(w > Min ? s[w - 1, a] : 0, a > Min ? s[w, a - 1] : 0));
            }
        }

        return s;
    }

    private static double[,] Energy(Random random)
    {
        var wCost = new double[Max + 1];
        var aCost = new double[Max + 1];
        for (int b = Min; b <= Max; b++)
        {
            wCost[b] = (b > Min ? wCost[b - 1] : 0) + 0.1 + random.NextDouble();
            aCost[b] = (b > Min ? aCost[b - 1] : 0) + 0.1 + random.NextDouble();
        }

        var e = new double[Max + 1, Max + 1];
        for (int w = Min; w <= Max; w++)
        {
            for (int a = Min; a <= Max; a++)
            {
                e[w, a] = wCost[w] * aCost[a] + random.NextDouble() * 0.001;
            }
        }

        return e;
    }
}
