using QuantSim.Simulator.Activity;

namespace QuantSim.Energy.Tests;

/// <summary>The activity record the simulator fills: immutable, exact and deterministically ordered.</summary>
[TestFixture]
public sealed class ActivityCountsTests
{
    [Test]
    public void Should_accumulate_counts_of_equal_actions_into_one_entry()
    {
        // Given two Mac(8,8,32) adds built from separate instances
        var counts = ActivityCounts.CreateBuilder()
            .Add(ActivitySite.ProcessingElement, new Mac(8, 8, 32), 3)
            .Add(ActivitySite.ProcessingElement, new Mac(8, 8, 32), 4)
            .Add(ActivitySite.OutputStage, new Mac(8, 8, 32), 5)
            .Build();

        // Then actions are values: one entry per (site, action), counts summed
        Assert.Multiple(() =>
        {
            Assert.That(counts.Count, Is.EqualTo(2));
            Assert.That(counts[ActivitySite.ProcessingElement, new Mac(8, 8, 32)], Is.EqualTo(7));
            Assert.That(counts[ActivitySite.OutputStage, new Mac(8, 8, 32)], Is.EqualTo(5));
            Assert.That(counts[ActivitySite.Memory, new Mac(8, 8, 32)], Is.Zero);
        });
    }

    [Test]
    public void Should_iterate_in_site_then_action_order_whatever_the_insertion_order()
    {
        var counts = ActivityCounts.CreateBuilder()
            .Add(ActivitySite.Memory, new DramWrite(64), 1)
            .Add(ActivitySite.OutputStage, new Shift(32), 1)
            .Add(ActivitySite.ProcessingElement, new RegisterWrite(8), 1)
            .Add(ActivitySite.ProcessingElement, new Add(32), 1)
            .Add(ActivitySite.Memory, new SramRead("ifmap", 65536, 8, 4), 1)
            .Build();

        Assert.That(counts.Entries.Select(e => e.Key.ToString()), Is.EqualTo(new[]
        {
            "ProcessingElement:add(32)",
            "ProcessingElement:register-write(8)",
            "OutputStage:shift(32)",
            "Memory:dram-write(64)",
            "Memory:sram-read(ifmap,000000065536B,8b,4banks)",
        }));
    }

    [Test]
    public void Should_stay_unchanged_when_a_copy_is_extended()
    {
        var original = ActivityCounts.Empty.With(ActivitySite.Memory, new DramRead(64), 2);
        var extended = original.With(ActivitySite.Memory, new DramRead(64), 3).Plus(original);

        Assert.Multiple(() =>
        {
            Assert.That(original[ActivitySite.Memory, new DramRead(64)], Is.EqualTo(2));
            Assert.That(extended[ActivitySite.Memory, new DramRead(64)], Is.EqualTo(7));
            Assert.That(ActivityCounts.Empty.Count, Is.Zero);
        });
    }

    [Test]
    public void Should_refuse_negative_counts_overflow_and_impossible_widths()
    {
        var builder = ActivityCounts.CreateBuilder().Add(ActivitySite.Memory, new DramRead(64), long.MaxValue);
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => ActivityCounts.CreateBuilder().Add(ActivitySite.Memory, new DramRead(64), -1));
            Assert.Throws<OverflowException>(() => builder.Add(ActivitySite.Memory, new DramRead(64), 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => _ = new Mac(0, 8, 32));
            Assert.Throws<ArgumentException>(() => _ = new SramRead("ifmap", 1000, 8, 3));
        });
    }

    [Test]
    public void Should_total_cycles_and_macs_over_the_layers_of_a_run()
    {
        var run = new RunActivity(
            [new LayerActivity("a", 100, 1000, ActivityCounts.Empty), new LayerActivity("b", 23, 45, ActivityCounts.Empty)], 500);
        Assert.Multiple(() =>
        {
            Assert.That(run.Cycles, Is.EqualTo(123));
            Assert.That(run.Macs, Is.EqualTo(1045));
        });
    }
}
