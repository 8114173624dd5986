using QuantSim.Simulator.ScaleSimCompat;

namespace QuantSim.Simulator.Tests.ScaleSimCompat;

/// <summary>SCALE-Sim's OFMAP write buffer on hand-traced cases (rules in <see cref="ScaleSimWriteBuffer"/>).</summary>
[TestFixture]
public sealed class ScaleSimWriteBufferTests
{
    [Test]
    public void Should_accept_a_count_of_writes_exactly_as_the_words_one_by_one()
    {
        // Given 300 random streams of rows with 0 to 12 writes, into buffers of 2 to 60 words at 1 to 8 words per line,
        // fed as the emulation feeds them (row i at cycle i + the stalls so far)
        var random = new Random(11);
        int stalled = 0;
        for (int n = 0; n < 300; n++)
        {
            long size = random.Next(2, 61);
            int bandwidth = random.Next(1, 9);
            var counts = Enumerable.Range(0, random.Next(1, 80)).Select(_ => random.Next(0, 13)).ToArray();
            var byWord = new List<(long, long)>();
            var byCount = new List<(long, long)>();
            var words = new ScaleSimWriteBuffer(size, bandwidth, (a, b) => byWord.Add((a, b)));
            var count = new ScaleSimWriteBuffer(size, bandwidth, (a, b) => byCount.Add((a, b)));

            // When one takes each row's addresses and the other only their number
            long stalls = 0, last = 0;
            for (int i = 0; i < counts.Length; i++)
            {
                long cycle = i + stalls;
                var row = Enumerable.Range(0, counts[i] + 2).Select(x => x < counts[i] ? x : -1).OrderBy(_ => random.Next()).ToArray();
                long expected = words.Service(row, cycle);
                long actual = count.Accept(counts[i], cycle);

                // Then every row is accepted in the same cycle
                Assert.That(actual, Is.EqualTo(expected), $"stream {n} row {i}");
                stalls += expected - cycle;
                last = expected;
            }

            // And after the final flush the DRAM traffic is the same, row for row
            words.Flush(last);
            count.Flush(last);
            Assert.That(byCount, Is.EqualTo(byWord), $"stream {n}");
            Assert.That(count.Dram.Words, Is.EqualTo(words.Dram.Words), $"stream {n}");
            stalled += stalls > 0 ? 1 : 0;
        }

        // And the streams include many that stall
        Assert.That(stalled, Is.GreaterThan(100));
    }

    [Test]
    public void Should_accept_stretches_of_equal_rows_exactly_as_row_by_row()
    {
        // Given 300 random sequences of stretches (1 to 200 rows of 1 to 12 writes each) into buffers of 2 to 300 words
        // at 1 to 8 words per line
        var random = new Random(12);
        int stalled = 0, stretchesInOneGo = 0;
        for (int n = 0; n < 300; n++)
        {
            long size = random.Next(2, 301);
            int bandwidth = random.Next(1, 9);
            var byRow = new List<(long, long)>();
            var byStretch = new List<(long, long)>();
            var rows = new ScaleSimWriteBuffer(size, bandwidth, (a, b) => byRow.Add((a, b)));
            var stretches = new ScaleSimWriteBuffer(size, bandwidth, (a, b) => byStretch.Add((a, b)));
            long rowStalls = 0, stretchStalls = 0, row = 0;
            for (int s = random.Next(1, 12); s > 0; s--)
            {
                int length = random.Next(1, 201), words = random.Next(1, 13);

                // When one buffer takes each row by itself and the other the stretch, resumed after each stall
                var expected = new List<long>();
                for (int i = 0; i < length; i++)
                {
                    long cycle = row + i + rowStalls;
                    long accepted = rows.Accept(words, cycle);
                    rowStalls += accepted - cycle;
                    expected.Add(accepted);
                }

                var actual = new List<long>();
                int calls = 0;
                for (long done = 0; done < length; calls++)
                {
                    long cycle = row + done + stretchStalls;
                    var (taken, stall) = stretches.AcceptRows(length - done, words, cycle);
                    actual.AddRange(Enumerable.Range(0, (int)taken).Select(i => cycle + i + (i == taken - 1 ? stall : 0)));
                    stretchStalls += stall;
                    done += taken;
                }

                // Then every row is accepted in the same cycle
                Assert.That(actual, Is.EqualTo(expected), $"sequence {n}");
                row += length;
                stretchesInOneGo += calls == 1 && length > 20 ? 1 : 0;
            }

            // And the DRAM traffic after the flush is the same, row for row
            rows.Flush(row - 1 + rowStalls);
            stretches.Flush(row - 1 + stretchStalls);
            Assert.That(byStretch, Is.EqualTo(byRow), $"sequence {n}");
            stalled += rowStalls > 0 ? 1 : 0;
        }

        // And the sequences include many that stall and many long stretches taken in one call
        Assert.That(stalled, Is.GreaterThan(100));
        Assert.That(stretchesInOneGo, Is.GreaterThan(100));
    }

    [Test]
    public void Should_stall_only_when_full_while_a_drain_is_in_flight()
    {
        // Given 4 words (active 2, drain 2), 1 word per line and per cycle: 2 lines per drain
        var rows = new List<(long, long)>();
        var buffer = new ScaleSimWriteBuffer(4, 1, (a, b) => rows.Add((a, b)));

        // When rows of 4 writes arrive at cycles 0 and 1
        long row0 = buffer.Service([1, 2, 3, 4], 0);
        long row1 = buffer.Service([5, 6, 7, 8], 1);
        buffer.Flush(row1);

        // Then, by hand: row 0: the 3rd write leaves 1 < 2 free -> drain lines 0-1 in cycles 0..1 (free 3);
        // the 4th write fits. Row 1 (cycle 1 = drain end, so not "in flight"): the 1st write leaves 1 free ->
        // drain lines 2-3 in cycles 1..2 (free 3); writes 2 and 3 fit, the 4th leaves 0 free while the
        // drain runs until 2 -> the row is accepted at 2 (1 stall cycle). Flush from 2: lines 4-5 in 2..3,
        // lines 6-7 in 4..5. DRAM: 8 words, rows 0..5.
        Assert.Multiple(() =>
        {
            Assert.That(row0, Is.EqualTo(0));
            Assert.That(row1, Is.EqualTo(2));
            Assert.That(rows, Is.EqualTo(new[] { (0L, 1L), (1L, 2L), (2L, 3L), (4L, 5L) }));
            Assert.That(buffer.Dram.Words, Is.EqualTo(8));
            Assert.That((buffer.Dram.Start, buffer.Dram.Stop), Is.EqualTo(((long?)0, 5L)));
        });
    }

    [Test]
    public void Should_count_the_padding_of_a_closed_partial_line_unless_it_ends_a_drain()
    {
        // Given 8 words (active 4, drain 4), 2 words per line: 2 lines per drain
        var buffer = new ScaleSimWriteBuffer(8, 2);

        // When one write arrives per cycle, cycles 0..8
        for (int c = 0; c <= 8; c++)
        {
            Assert.That(buffer.Service([100 + c, -1], c), Is.EqualTo(c), "no stall");
        }

        buffer.Flush(8);

        // Then, by hand: write 5 (cycle 4) leaves 3 < 4 free -> the partial line [w5] is closed and lines 0-1
        // (4 words) drain in 4..5. Write 9 (cycle 8) closes line 4 = [w8, w9] and leaves 3 free -> lines 2-3
        // ([w5, pad], [w6, w7]) drain in 8..9 and count 4 words (the pad of line 2 is not in the last line).
        // The flush from cycle 8 drains line 4 in 8..8 (2 words). 9 writes, 10 DRAM words; the trace starts at 4
        // and its last row is stamped 8 (before the previous drain's end, 9: the flush does not wait for it).
        Assert.Multiple(() =>
        {
            Assert.That(buffer.Dram.Words, Is.EqualTo(10));
            Assert.That((buffer.Dram.Start, buffer.Dram.Stop), Is.EqualTo(((long?)4, 8L)));
        });
    }
}
