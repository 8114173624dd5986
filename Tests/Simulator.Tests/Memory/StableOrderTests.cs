using QuantSim.Simulator.Memory;

namespace QuantSim.Simulator.Tests.Memory;

/// <summary>The DMA issue order against LINQ's OrderBy (a stable sort, the reference), ties included.</summary>
public sealed class StableOrderTests
{
    [Test]
    public void Should_Order_As_OrderBy_Does_On_Random_Segments_With_Many_Ties()
    {
        var random = new Random(11);
        for (int trial = 0; trial < 500; trial++)
        {
            int n = random.Next(0, 60);
            // Few distinct cycles, so most keys tie, and the bytes tell equal keys apart
            var loads = Enumerable.Range(0, n).Select(i => new LoadSegment(Operand.Ifmap, random.Next(0, 8), 0, i)).ToList();
            if (trial % 3 == 0)
            {
                loads = [.. loads.OrderBy(l => l.NeedCycle)];
            }

            Assert.That(StableOrder.By(loads, l => l.NeedCycle), Is.EqualTo(loads.OrderBy(l => l.NeedCycle).ToArray()), $"trial {trial}");
        }
    }
}
