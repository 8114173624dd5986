using QuantSim.Cli.Reports;
using QuantSim.Cli.Sweep;

namespace QuantSim.Cli.Tests.Sweep;

public sealed class SweepOutcomeTests
{
    /// <summary>A point with the three figures the objectives read; the others do not take part.</summary>
    private static SweepPointResult Result(SweepPoint point, long cycles, decimal energyPj, double areaMm2) =>
        new(point, cycles, 0, 0.5, new PricedSummary(energyPj, 1, 1, areaMm2, 1, 1));

    [Test]
    public void Should_Compute_The_Front_Per_Workload_Over_The_Chosen_Objectives()
    {
        // Given rows {8,16} over two workloads, with hand-made figures:
        //   lenet5 rows=8:  cycles 100, energy 10, area 1     lenet5 rows=16:  cycles 50, energy 20, area 2
        //   alexnet rows=8: cycles 900, energy 90, area 1     alexnet rows=16: cycles 950, energy 95, area 2
        var definition = new SweepDefinition("c", "sha", ["lenet5", "alexnet"], [SweepAxis.Parse("array.rows=8,16")], SweepObjectives.Default);
        var points = definition.Points().ToList();
        (long Cycles, decimal Energy, double Area)[] figures = [(100, 10, 1), (50, 20, 2), (900, 90, 1), (950, 95, 2)];
        var results = points.Zip(figures, (p, f) => Result(p, f.Cycles, f.Energy, f.Area)).ToList();

        // When Pareto flags are computed for energy+cycles, and for energy+cycles+area
        var twoObjectives = SweepOutcome.Of(definition, results).Pareto;
        var withArea = SweepOutcome.Of(definition with { Objectives = SweepObjectives.Parse("energy,cycles,area") }, results).Pareto;

        // Then lenet5: both trade off -> both optimal. alexnet: rows=8 is better in both -> rows=16 dominated,
        // even though alexnet's points are far worse than lenet5's (workloads do not compete).
        Assert.That(twoObjectives, Is.EqualTo(new[] { true, true, true, false }));
        // Area does not rescue alexnet rows=16 (area 2 > 1); lenet5 unchanged
        Assert.That(withArea, Is.EqualTo(new[] { true, true, true, false }));
    }

    [Test]
    public void Should_Let_Area_Rescue_A_Point_Dominated_In_Energy_And_Cycles()
    {
        // Given rows=8 (cycles 100, energy 10, area 3) and rows=16 (cycles 100, energy 20, area 1)
        var definition = new SweepDefinition("c", "sha", ["lenet5"], [SweepAxis.Parse("array.rows=8,16")], SweepObjectives.Default);
        var points = definition.Points().ToList();
        var results = new[]
        {
            Result(points[0], 100, 10m, 3),
            Result(points[1], 100, 20m, 1),
        };

        // Then rows=16 is dominated on energy+cycles but optimal once area counts
        Assert.That(SweepOutcome.Of(definition, results).Pareto, Is.EqualTo(new[] { true, false }));
        Assert.That(SweepOutcome.Of(definition with { Objectives = SweepObjectives.Parse("energy,cycles,area") }, results).Pareto, Is.EqualTo(new[] { true, true }));
    }
}
