using QuantSim.Cli.Sweep;

namespace QuantSim.Cli.Tests.Sweep;

public sealed class ParetoFrontTests
{
    /// <summary>The definition, pair by pair: optimal when no other point is &lt;= everywhere and &lt; somewhere.</summary>
    private static bool[] BruteForce(IReadOnlyList<double[]> points) =>
        points.Select((p, i) => !points.Where((_, j) => j != i).Any(q =>
            q.Zip(p).All(x => x.First <= x.Second) && q.Zip(p).Any(x => x.First < x.Second))).ToArray();

    [Test]
    public void Should_Mark_The_Hand_Worked_Front_Of_Energy_And_Cycles()
    {
        // Given (energy, cycles):
        //   A (1, 9) best energy      -> optimal
        //   B (2, 5)                  -> optimal (nothing has energy <= 2 and cycles <= 5 but itself)
        //   C (3, 5) same cycles as B, more energy -> dominated by B
        //   D (4, 2)                  -> optimal
        //   E (5, 2) dominated by D; F (4, 2) identical to D -> optimal (equal points do not dominate)
        //   G (9, 1) best cycles      -> optimal;  H (6, 6) dominated by B
        double[][] points = [[1, 9], [2, 5], [3, 5], [4, 2], [5, 2], [4, 2], [9, 1], [6, 6]];

        var marks = ParetoFront.Mark(points);

        Assert.That(marks, Is.EqualTo(new[] { true, true, false, true, false, true, true, false }));
        Assert.That(marks, Is.EqualTo(BruteForce(points)));
    }

    [TestCase(2)]
    [TestCase(3)]
    public void Should_Agree_With_The_Pairwise_Definition_On_Random_Points(int objectives)
    {
        // Given small integer coordinates (many ties) from a fixed seed
        var random = new Random(20261128);
        for (int trial = 0; trial < 200; trial++)
        {
            var points = Enumerable.Range(0, random.Next(1, 40))
                .Select(_ => Enumerable.Range(0, objectives).Select(_ => (double)random.Next(0, 8)).ToArray())
                .ToList();

            // Then the front found by the lexicographic scan is the pairwise one
            Assert.That(ParetoFront.Mark(points), Is.EqualTo(BruteForce(points)), $"trial {trial}");
        }
    }

    [Test]
    public void Should_Put_A_Single_Point_On_The_Front()
    {
        Assert.That(ParetoFront.Mark([[3.0, 4.0]]), Is.EqualTo(new[] { true }));
    }
}
