using QuantSim.Simulator.ScaleSimCompat;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Tests.ScaleSimCompat;

/// <summary>The IFMAP address table's runs against its own element-by-element <see cref="IfmapAddressTable.At"/>.</summary>
[TestFixture]
public sealed class IfmapAddressTableTests
{
    [Test]
    public void Should_give_the_non_idle_addresses_of_a_window_range_as_runs()
    {
        // Given random convolutions whose rounded-up outputs hang windows over the bottom and right edges, and GEMMs
        var random = new Random(3);
        int edgeCases = 0;
        for (int n = 0; n < 200; n++)
        {
            var a = n % 4 == 3
                ? ScaleSimAddressing.ForGemm(random.Next(1, 30), random.Next(1, 30), random.Next(1, 30)) with { IfmapHeight = random.Next(1, 30) }
                : Conv(random);
            int pixels = n % 4 == 3 ? a.IfmapHeight : ((a.IfmapHeight - 1) / a.StrideH + 1) * a.OfmapWidth;
            var table = new IfmapAddressTable(a, pixels, a.WindowSize);
            var into = new (int First, int Count)[a.WindowSize + 1];
            for (int trial = 0; trial < 20; trial++)
            {
                int m = random.Next(pixels), k0 = random.Next(a.WindowSize), k1 = random.Next(k0, a.WindowSize + 1);

                // When a pixel's window elements k0 .. k1 - 1 are asked for as runs of consecutive addresses
                int count = table.Runs(m, k0, k1, into);
                var expanded = into.Take(count).SelectMany(r => Enumerable.Range(r.First, r.Count)).ToArray();

                // Then the runs hold exactly the elements that are not idle, in element order
                var expected = Enumerable.Range(k0, k1 - k0).Select(k => table.At(m, k)).Where(x => x != -1).ToArray();
                Assert.That(expanded, Is.EqualTo(expected), $"case {n}: {a} m={m} k={k0}..{k1}");
                Assert.That(into.Take(count).All(r => r.Count > 0), $"case {n}: empty run");
                edgeCases += expected.Length < k1 - k0 ? 1 : 0;
            }
        }

        // And the ranges include many with idle elements (windows over the edge)
        Assert.That(edgeCases, Is.GreaterThan(100));
    }

    private static ScaleSimAddressing Conv(Random random)
    {
        int h = random.Next(2, 16), w = random.Next(2, 16), kh = random.Next(1, Math.Min(h, 5) + 1), kw = random.Next(1, Math.Min(w, 5) + 1);
        var conv = new ConvLayer("c", h, w, random.Next(1, 5), kh, kw, 3) { StrideH = random.Next(1, 4), StrideW = random.Next(1, 4) };
        return ScaleSimAddressing.ForConv(conv) with { IfmapHeight = h, IfmapOffset = random.Next(0, 100) };
    }
}
