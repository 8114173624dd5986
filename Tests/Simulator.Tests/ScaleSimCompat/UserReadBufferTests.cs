using QuantSim.Simulator.ScaleSimCompat;

namespace QuantSim.Simulator.Tests.ScaleSimCompat;

/// <summary>SCALE-Sim's USER-mode read buffer on a hand-traced case (rules in <see cref="UserReadBuffer"/>).</summary>
[TestFixture]
public sealed class UserReadBufferTests
{
    [Test]
    public void Should_prefetch_slide_wrap_and_stall_as_traced_by_hand()
    {
        // Given a 4-word SRAM (active 2, prefetch 2), 1 word per DRAM line, prefetch order a0..a5 at 100..105:
        // sets of ceil(4/100) = 1 address -> 6 sets + 1 empty = 7; window 2 sets, slides by 2.
        var rows = new List<(long, long)>();
        var buffer = new UserReadBuffer(4, 1, [100, 101, 102, 103, 104, 105], 100, 105, (a, b) => rows.Add((a, b)));

        // When single addresses are demanded at cycles 0, 1, 2, 3
        long r0 = buffer.Service([100], 0);
        long r1 = buffer.Service([102], 1);
        long r2 = buffer.Service([105], 2);
        long r3 = buffer.Service([100], 3);

        // Then, by hand:
        //  first call: the active half (2 lines) arrives in cycles -2..-1, window [0,2); a0 hits -> 0 + 1.
        //  a2 misses: window [2,4), lines requested at -1+1.. and arriving 1..2 (last = 2); 2 <= 1 + 1 + 0,
        //    no stall -> 2.
        //  a5 misses: window [4,6), arriving 4..5 (last = 5); late by 5 - (2 + 1) = 2 -> 2 + 3 = 5.
        //  a0 misses: window [6,1) wraps over the 7 sets and holds set 0; arriving 7..8; late by
        //    8 - (3 + 1) = 4 -> 3 + 5 = 8.
        //  DRAM: 4 requests of 2 lines = 8 words, trace from -2 to 8.
        Assert.Multiple(() =>
        {
            Assert.That(new[] { r0, r1, r2, r3 }, Is.EqualTo(new long[] { 1, 2, 5, 8 }));
            Assert.That(rows, Is.EqualTo(new[] { (-2L, -1L), (1L, 2L), (4L, 5L), (7L, 8L) }));
            Assert.That(buffer.Dram.Words, Is.EqualTo(8));
        });
    }
}
