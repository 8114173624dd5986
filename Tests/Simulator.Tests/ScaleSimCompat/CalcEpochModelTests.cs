using QuantSim.Simulator.ScaleSimCompat;

namespace QuantSim.Simulator.Tests.ScaleSimCompat;

/// <summary>
/// SCALE-Sim's CALC read buffer restated as epochs, the form a per-fold closed form would count in: with 50 active sets
/// of floor(words / 100) words, an address is a hit exactly when it joined since the last time the join count reached a
/// multiple of Q = 50 x floor(words / 100) (the read window then moves past every older set). So the buffer is a set of
/// addresses emptied after every Q joins; DRAM words = joins; the trace's row spans follow from the first demand cycle
/// and the cycles of those epoch ends alone. This reference (a HashSet and a counter) is checked against
/// <see cref="BandwidthEstimatingReadBuffer"/> on random demand streams.
/// </summary>
[TestFixture]
public sealed class CalcEpochModelTests
{
    public static IEnumerable<int> Seeds() => Enumerable.Range(1, 200);

    [TestCaseSource(nameof(Seeds))]
    public void Should_equal_the_epoch_model_on_random_streams(int seed)
    {
        // Given a random small SRAM and a random demand stream (repeats, idle ports, gaps in cycles)
        var (words, span, stream) = Stream(seed);
        int items = words / 100;
        var expected = EpochModel(stream, items);
        if (expected.Joins == 0)
        {
            return;
        }

        // When SCALE-Sim's buffer serves it
        var spans = new List<(long, long)>();
        var buffer = new BandwidthEstimatingReadBuffer(words, 0, span - 1, (a, b) => spans.Add((a, b)));
        bool threw = false;
        try
        {
            foreach (var (row, at) in stream)
            {
                Assert.That(buffer.Service(row, at), Is.EqualTo(at + 1));
            }

            buffer.Complete();
        }
        catch (ScaleSimInputLimitException)
        {
            threw = true;
        }

        // Then its DRAM trace is the epoch model's: the same spans, words = joins, and SCALE-Sim's division by zero
        // exactly where two epochs end in one cycle
        Assert.That(threw, Is.EqualTo(expected.Spans is null), "empty prefetch interval");
        if (expected.Spans is not null)
        {
            Assert.That(spans, Is.EqualTo(expected.Spans));
            Assert.That(buffer.Dram.Words, Is.EqualTo(expected.Joins));
        }
    }

    [Test]
    public void Should_cover_streams_without_an_epoch_end_with_many_and_with_two_in_one_cycle()
    {
        // Given the generated streams, through the epoch model
        var outcomes = Seeds().Select(seed =>
        {
            var (words, _, stream) = Stream(seed);
            var (joins, spans) = EpochModel(stream, words / 100);
            return (Joins: joins, Spans: spans, Q: 50L * (words / 100));
        }).ToList();

        // Then some end no epoch, many end several, and some end two in one cycle (SCALE-Sim's division by zero)
        Assert.Multiple(() =>
        {
            Assert.That(outcomes.Count(o => o.Spans is not null && o.Joins > 0 && o.Joins < o.Q), Is.GreaterThanOrEqualTo(5));
            Assert.That(outcomes.Count(o => o.Spans is { Count: >= 3 }), Is.GreaterThanOrEqualTo(50));
            Assert.That(outcomes.Count(o => o.Spans is null), Is.GreaterThanOrEqualTo(5));
        });
    }

    /// <summary>
    /// Seed's SRAM size, address span and demand stream. Rows have 1-8 ports; every fifth seed has rows of up to
    /// 3 x Q ports, wide enough for two epochs to end in one row; the span is Q/2 to 3Q addresses, so addresses repeat
    /// within and across epochs.
    /// </summary>
    private static (int Words, int Span, List<(int[] Row, long Cycle)> Stream) Stream(int seed)
    {
        var random = new Random(seed);
        int words = random.Next(100, 700);
        int q = 50 * (words / 100);
        int span = random.Next(q / 2, 3 * q);
        int widest = seed % 5 == 0 ? 3 * q : 8;
        var stream = new List<(int[] Row, long Cycle)>();
        long cycle = random.Next(0, 20);
        int rows = random.Next(1, 2000);
        for (int x = 0; x < rows; x++, cycle += random.Next(1, 4))
        {
            var row = Enumerable.Range(0, random.Next(1, widest + 1)).Select(_ => random.Next(5) == 0 ? -1 : random.Next(span)).ToArray();
            stream.Add((row, cycle));
        }

        return (words, span, stream);
    }

    /// <summary>Joins and the trace's row spans of the epoch model; Spans is null where an interval would be empty.</summary>
    private static (long Joins, List<(long, long)>? Spans) EpochModel(List<(int[] Row, long Cycle)> stream, int items)
    {
        const int Bandwidth = 10;
        long q = 50L * items;
        var seen = new HashSet<int>();
        var epochEnds = new List<long>();
        long joins = 0;
        long? first = null;
        foreach (var (row, cycle) in stream)
        {
            foreach (int addr in row.Where(a => a != -1))
            {
                first ??= cycle;
                if (seen.Add(addr) && ++joins % q == 0)
                {
                    epochEnds.Add(cycle);
                    seen.Clear();
                }
            }
        }

        if (first is not { } f)
        {
            return (0, []);
        }

        // Stamps are one cycle after the interval (read port latency). No epoch ended: one fill of every set, just
        // before cycle 0. Otherwise the first 50 sets fill before the first demand, and epoch k's sets are spread over
        // the cycles since epoch k-1 ended (the first since two cycles before the first demand): SCALE-Sim emits each
        // at the next epoch end, the last at the end of the layer.
        var spans = new List<(long, long)>();
        if (epochEnds.Count == 0)
        {
            long sets = (joins + items - 1) / items;
            long cycles = ((sets * items) + Bandwidth - 1) / Bandwidth;
            spans.Add((-cycles, -1));
            return (joins, spans);
        }

        long fill = (q + Bandwidth - 1) / Bandwidth;
        spans.Add((f - fill, f - 1));
        long previous = f - 2;
        foreach (long end in epochEnds)
        {
            // The interval (previous, end]: empty when two epochs end in one cycle.
            if (end <= previous)
            {
                return (joins, null);
            }

            spans.Add((previous + 2, end + 1));
            previous = end;
        }

        return (joins, spans);
    }
}
