using QuantSim.Cli.Sweep;

namespace QuantSim.Cli.Tests.Sweep;

public sealed class SweepDefinitionTests
{
    private static SweepDefinition Definition(params string[] workloads) => new(
        "edge-16x16",
        "sha",
        [.. workloads],
        [SweepAxis.Parse("array.rows=8,16"), SweepAxis.Parse("array.dataflow=os,ws,is")],
        SweepObjectives.Default);

    [Test]
    public void Should_Enumerate_Workloads_Then_Axes_With_The_Last_Axis_Fastest()
    {
        // Given 2 workloads x rows {8,16} x dataflow {os,ws,is}
        var definition = Definition("lenet5", "alexnet");

        // When the points are listed
        var ids = definition.Points().Select(p => $"{p.Index}:{p.Combination}:{p.Id(definition.Axes)}").ToList();

        // Then: written out by hand, 2 x 2 x 3 = 12 points, workload slowest, dataflow fastest
        Assert.That(ids, Is.EqualTo(new[]
        {
            "0:0:lenet5/array.rows=8/array.dataflow=os",
            "1:1:lenet5/array.rows=8/array.dataflow=ws",
            "2:2:lenet5/array.rows=8/array.dataflow=is",
            "3:3:lenet5/array.rows=16/array.dataflow=os",
            "4:4:lenet5/array.rows=16/array.dataflow=ws",
            "5:5:lenet5/array.rows=16/array.dataflow=is",
            "6:0:alexnet/array.rows=8/array.dataflow=os",
            "7:1:alexnet/array.rows=8/array.dataflow=ws",
            "8:2:alexnet/array.rows=8/array.dataflow=is",
            "9:3:alexnet/array.rows=16/array.dataflow=os",
            "10:4:alexnet/array.rows=16/array.dataflow=ws",
            "11:5:alexnet/array.rows=16/array.dataflow=is",
        }));
        Assert.That(definition.PointCount, Is.EqualTo(12));
    }

    [Test]
    public void Should_Give_Each_Point_An_Id_Of_Its_Content_Not_Its_Position()
    {
        // Given the same axis values listed in another order
        var a = Definition("lenet5");
        var b = a with { Axes = [SweepAxis.Parse("array.rows=16,8"), SweepAxis.Parse("array.dataflow=is,os,ws")] };

        // Then the points move but keep their ids, and every id is unique
        Assert.That(b.Points().Select(p => p.Id(b.Axes)).Order(), Is.EqualTo(a.Points().Select(p => p.Id(a.Axes)).Order()));
        Assert.That(a.Points().Select(p => p.Id(a.Axes)).Distinct().Count(), Is.EqualTo(6));
        Assert.That(b.Points().First().Id(b.Axes), Is.EqualTo("lenet5/array.rows=16/array.dataflow=is"));
    }

    [TestCase(1)]
    [TestCase(3)]
    [TestCase(5)]
    [TestCase(13)]
    public void Should_Split_The_Points_Into_Shards_That_Cover_Each_Point_Exactly_Once(int count)
    {
        // Given 12 points and N shards (also more shards than points: some are empty)
        var points = Definition("lenet5", "alexnet").Points().Select(p => p.Index).ToList();

        // When each shard takes its slice
        var taken = Enumerable.Range(1, count).SelectMany(i => points.Where(new ShardSpec(i, count).Contains)).Order().ToList();

        // Then every point is run once
        Assert.That(taken, Is.EqualTo(points));
    }

    [Test]
    public void Should_Interleave_Shards_By_Index_Modulo_Count()
    {
        // Shard 2 of 3 takes indexes 1, 4, 7, 10 (i mod 3 = 1)
        var shard = ShardSpec.Parse("2/3");
        Assert.That(Enumerable.Range(0, 12).Where(shard.Contains), Is.EqualTo(new[] { 1, 4, 7, 10 }));
        Assert.That(shard.FileName, Is.EqualTo("shard-2-of-3.json"));
    }
}
