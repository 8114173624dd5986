using QuantSim.Simulator.ScaleSimCompat;

namespace QuantSim.Simulator.Tests.ScaleSimCompat;

/// <summary>SCALE-Sim's CALC-mode read buffer on a hand-traced case (rules in <see cref="BandwidthEstimatingReadBuffer"/>).</summary>
[TestFixture]
public sealed class BandwidthEstimatingReadBufferTests
{
    [Test]
    public void Should_never_stall_and_reconstruct_the_DRAM_traffic_as_traced_by_hand()
    {
        // Given a 200-word SRAM: 100 sets of floor(200/100) = 2 words, 50 active + 50 prefetch
        var rows = new List<(long, long)>();
        var buffer = new BandwidthEstimatingReadBuffer(200, 0, 1000, (a, b) => rows.Add((a, b)));
        var served = new List<long>();

        // When addresses 0..104 are demanded one per cycle from cycle 5, then 0 again at 110 and 100 at 111
        for (int j = 0; j <= 104; j++)
        {
            served.Add(buffer.Service([j], 5 + j));
        }

        served.Add(buffer.Service([0], 110));
        served.Add(buffer.Service([100], 111));
        buffer.Complete();

        // Then, by hand:
        //  every row is served at cycle + 1 (no stalls);
        //  address 99 (cycle 104) completes set 49 = the 50th: the initial fill of sets 0..49 (100 words) at
        //    10 words/cycle = 10 cycles ending at first demand (5) - 2 = 3, stamped +1: rows -5..4; the read
        //    window moves to sets 50..99 and the next interval is [4, 104];
        //  100..103 fill sets 50, 51; 104 starts set 52; 0 (set 0 was dropped) misses and completes set 52;
        //    100 hits set 50 in the window;
        //  complete: the current set is empty, so sets 50..52 (6 words) are spread over [4, 104],
        //    stamped +1: rows 5..105. DRAM: 106 words, trace -5 .. 105.
        Assert.Multiple(() =>
        {
            Assert.That(served, Is.EqualTo(Enumerable.Range(0, 105).Select(j => 6L + j).Concat([111L, 112L])));
            Assert.That(rows, Is.EqualTo(new[] { (-5L, 4L), (5L, 105L) }));
            Assert.That(buffer.Dram.Words, Is.EqualTo(106));
        });
    }

    // The stamps are 16 bits and rebased to the window's start before they would pass 65535. A buffer that must
    // rebase every few sets (limit 51, the least a 50-set window allows) and one that never does here (65535) take the
    // same random mix of demand rows and joins; every served cycle, window position, DRAM row and word must agree.
    [TestCase(1)]
    [TestCase(2)]
    public void Should_give_the_same_traffic_whether_its_stamps_are_rebased_every_few_sets_or_never(int seed)
    {
        var rng = new Random(seed);
        var rowsOften = new List<(long, long)>();
        var rowsNever = new List<(long, long)>();
        using var often = new BandwidthEstimatingReadBuffer(300, 0, 3999, (a, b) => rowsOften.Add((a, b)), stampLimit: 51);
        using var never = new BandwidthEstimatingReadBuffer(300, 0, 3999, (a, b) => rowsNever.Add((a, b)));
        var seen = new List<(long Served, int Window)>();
        var expected = new List<(long Served, int Window)>();
        long cycle = 10;
        for (int step = 0; step < 20_000; step++, cycle++)
        {
            // Addresses drift through the operand, so old ones fall out of the window and come back as misses.
            int centre = (step / 4) % 3800;
            if (rng.Next(3) == 0 && often.JoinBudget > 40)
            {
                int first = centre + rng.Next(0, 150), count = rng.Next(1, 40);
                often.JoinAnyOrder(first, count);
                never.JoinAnyOrder(first, count);
                seen.Add((-1, often.Window));
                expected.Add((-1, never.Window));
            }
            else
            {
                int[] row = Enumerable.Range(0, 4).Select(_ => rng.Next(8) == 0 ? -1 : centre + rng.Next(0, 200)).ToArray();
                seen.Add((often.Service(row, cycle), often.Window));
                expected.Add((never.Service(row, cycle), never.Window));
            }
        }

        often.Complete();
        never.Complete();

        Assert.That(often.Window, Is.GreaterThan(2000), "the window moved far past the limit, so the first buffer rebased many times");
        Assert.That(seen, Is.EqualTo(expected));
        Assert.That(rowsOften, Is.EqualTo(rowsNever));
        Assert.That(often.Dram.Words, Is.EqualTo(never.Dram.Words));
    }
}
