using QuantSim.Simulator.Dram;

namespace QuantSim.Simulator.Tests.Dram;

/// <summary>
/// <see cref="BankTimingDramModel.Transfer"/> times runs of row hits in one step; issuing the same bursts
/// one by one through <see cref="BankTimingDramModel.Burst"/> (the model's definition) must give the same
/// end clock after every transfer and the same hit, miss, conflict and refresh counts, on random
/// streams of transfers over address mappings that put channels, bank groups or columns lowest, both
/// page policies, and timings where the bus or tCCD limits a row hit.
/// </summary>
public sealed class BankTimingRunTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        var ddr4 = BankTimingDramModelTests.Ddr4();
        AddressField[] channelLow = [AddressField.Row, AddressField.Bank, AddressField.BankGroup, AddressField.Column, AddressField.Channel];
        AddressField[] groupLow = [AddressField.Row, AddressField.Bank, AddressField.Column, AddressField.BankGroup, AddressField.Channel];
        AddressField[] columnLow = [AddressField.Row, AddressField.Channel, AddressField.Bank, AddressField.BankGroup, AddressField.Column];
        var lpddr4 = ddr4 with
        {
            BurstLength = 16, BusBits = 16, Channels = 2, BankGroups = 1, BanksPerGroup = 8, RowBytes = 2048, RowsPerBank = 32768,
            Cl = 32, Cwl = 18, Trcd = 29, Trp = 27, Tras = 68, TccdS = 8, TccdL = 8, TrrdS = 16, TrrdL = 16, Tfaw = 64, Twr = 28,
            Trefi = 6246, Trfc = 288, AddressMapping = [.. channelLow],
        };
        foreach (var (name, p) in new[]
        {
            ("lpddr4-3200 as shipped", lpddr4),
            ("lpddr4, tCCD above the burst", lpddr4 with { TccdS = 11, TccdL = 13 }),
            ("lpddr4, short refresh interval", lpddr4 with { Trefi = 700, Trfc = 90 }),
            ("ddr4 with bank groups lowest", ddr4 with { Channels = 2, AddressMapping = [.. groupLow] }),
            ("ddr4 with columns lowest", ddr4 with { Channels = 2, AddressMapping = [.. columnLow] }),
            ("ddr4 with channels lowest", ddr4 with { Channels = 2, AddressMapping = [.. channelLow], Trefi = 900 }),
        })
        {
            foreach (var policy in new[] { PagePolicy.Open, PagePolicy.Closed })
            {
                foreach (int seed in new[] { 1, 2, 3 })
                {
                    yield return new TestCaseData(p with { PagePolicy = policy }, seed).SetName($"{name}, {policy} page, seed {seed}");
                }
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Should_Time_Every_Transfer_As_Its_Bursts_One_By_One(DramTimingParameters p, int seed)
    {
        var random = new Random(seed);
        var clock = new DramClock(1_000_000, 625_000);
        var model = new BankTimingDramModel(p, clock);
        var reference = new BankTimingDramModel(p, clock);
        long now = 0;
        long[] streams = [0, 3L << 20, 7L << 21];
        for (int i = 0; i < 400; i++)
        {
            int s = random.Next(streams.Length);
            long bytes = random.Next(4) == 0 ? random.Next(1, 100) : random.Next(1, 20_000);
            long address = random.Next(8) == 0 ? random.NextInt64(0, 1L << 28) : streams[s];
            streams[s] = address + bytes;
            var direction = random.Next(3) == 0 ? DramDirection.Write : DramDirection.Read;
            now += random.Next(4) == 0 ? random.Next(20_000) : random.Next(50);

            long done = model.Transfer(now, address, bytes, direction);
            long expected = BurstByBurst(reference, p, clock, now, address, bytes, direction);

            Assert.That(done, Is.EqualTo(expected), $"transfer {i}");
        }

        var (a, b) = (model.Statistics, reference.Statistics);
        Assert.That((a.RowHits, a.RowMisses, a.RowConflicts, a.Refreshes), Is.EqualTo((b.RowHits, b.RowMisses, b.RowConflicts, b.Refreshes)));
        // The streams exercise the run path (open page) or its absence (closed page: no hit at all).
        Assert.That(a.RowHits, p.PagePolicy == PagePolicy.Open ? Is.GreaterThan(1000) : Is.Zero);
    }

    private static long BurstByBurst(BankTimingDramModel dram, DramTimingParameters p, DramClock clock, long now, long address, long bytes, DramDirection direction)
    {
        var (first, count) = BurstSpan.Of(address, bytes, p.BurstBytes);
        long ready = clock.ToDram(now);
        long end = ready;
        for (long burst = first; burst < first + count; burst++)
        {
            end = Math.Max(end, dram.Burst(ready, burst * p.BurstBytes, direction));
        }

        return clock.ToAccelerator(end);
    }
}
