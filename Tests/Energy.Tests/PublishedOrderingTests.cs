using QuantSim.Energy.Model;
using QuantSim.Simulator.Activity;

namespace QuantSim.Energy.Tests;

/// <summary>For the same layer and array, the model orders costs the way published studies agree on.</summary>
[TestFixture]
public sealed class PublishedOrderingTests
{
    private static readonly EnergyModel Model = new(BuiltInTable.Horowitz45);

    private static decimal PerAction(ActivityAction action, ActivitySite site = ActivitySite.ProcessingElement) =>
        Model.Pricer.UnitTotal(new ActivityKey(site, action));

    /// <summary>
    /// The hand-counted layer of <see cref="EnergyModelTests"/> (M = 4, K = 2, N = 2 on a 2x2 array)
    /// at a given operand width: registers, buffer words and DRAM traffic scale with the width. The
    /// buffers hold at least 8-bit words (narrower operands are stored one per byte, as the shipped configs' word_bits: 8).
    /// </summary>
    private static EnergyReport Layer(int bits, int accumulatorBits, MacUnit unit)
    {
        int word = Math.Max(8, bits);
        var b = ActivityCounts.CreateBuilder()
            .Add(ActivitySite.ProcessingElement, new Mac(bits, bits, accumulatorBits, unit), 16)
            .Add(ActivitySite.Memory, new SramRead("filter", 8192, word), 4)
            .Add(ActivitySite.Memory, new SramRead("ifmap", 8192, word), 8)
            .Add(ActivitySite.Memory, new SramWrite("ofmap", 8192, word), 8)
            .Add(ActivitySite.Memory, new DramRead(8 * bits), 1)
            .Add(ActivitySite.Memory, new DramRead(4 * bits), 1)
            .Add(ActivitySite.Memory, new DramWrite(8 * bits), 1);
        if (unit == MacUnit.Fixed)
        {
            // Bit Fusion's synthesized unit already includes its registers; a fixed PE pays them separately.
            b.Add(ActivitySite.ProcessingElement, new RegisterWrite(bits), 20).Add(ActivitySite.ProcessingElement, new RegisterWrite(accumulatorBits), 16);
        }

        return Model.Price(new RunActivity([new LayerActivity("gemm", 10, 16, b.Build())], 1000), 0m);
    }

    private static decimal Mac(EnergyReport r) => r.Components.Where(c => c.Component.Name.StartsWith("mac.", StringComparison.Ordinal)).Sum(c => c.Pj);

    private static decimal Dram(EnergyReport r) => r.Components.Where(c => c.Component.Category == EnergyCategory.OffChip).Sum(c => c.Pj);

    [Test]
    public void Should_make_a_dram_access_cost_orders_of_magnitude_more_than_a_mac()
    {
        // One 64-bit DRAM transfer (H14: 1300 pJ) against one 8-bit MAC (0.2 + 0.1 = 0.3 pJ): over 4000x.
        // Even one 8-bit operand from DRAM (162.5 pJ) is over 500x a MAC (Eyeriss Table IV: DRAM 200x a MAC at 65 nm).
        decimal mac = PerAction(new Mac(8, 8, 32));
        Assert.Multiple(() =>
        {
            Assert.That(mac, Is.EqualTo(0.3m));
            Assert.That(PerAction(new DramRead(64), ActivitySite.Memory), Is.GreaterThan(1000 * mac));
            Assert.That(PerAction(new DramRead(8), ActivitySite.Memory), Is.GreaterThan(100 * mac));

            // Per layer: the layer's DRAM energy is over 100x its MAC energy although it moves 20 bytes for 16 MACs.
            var layer = Layer(8, 32, MacUnit.Fixed);
            Assert.That(Dram(layer), Is.GreaterThan(100 * Mac(layer)));
        });
    }

    [Test]
    public void Should_make_an_8_bit_mac_several_times_cheaper_than_a_16_bit_one()
    {
        // Accumulators sized for the products: 2n + 16 bits (32 for 8-bit, 48 for 16-bit operands).
        // 8-bit:  0.2 (8x8) + 0.1 (32-bit add)                                        = 0.3 pJ
        // 16-bit: 0.78 (16x16: 0.2 + 192 x 2.9/960) + 0.15 (48-bit add: 0.1 + 16 x 0.1/32) = 0.93 pJ  -> 3.1x
        decimal mac8 = PerAction(new Mac(8, 8, 32));
        decimal mac16 = PerAction(new Mac(16, 16, 48));
        Assert.Multiple(() =>
        {
            Assert.That(mac16, Is.EqualTo(0.93m));
            Assert.That(mac16 / mac8, Is.GreaterThanOrEqualTo(3m));

            // The whole layer, with its wider registers, SRAM words and DRAM traffic, costs about twice as much.
            Assert.That(Layer(16, 48, MacUnit.Fixed).TotalPj, Is.GreaterThan(1.8m * Layer(8, 32, MacUnit.Fixed).TotalPj));
        });
    }

    [Test]
    public void Should_make_w4a4_on_a_bit_composable_pe_cheaper_per_mac_than_w8a8()
    {
        // Bit Fusion's Fusion Unit (16 bricks of 2x2 bits, 0.4592 pJ per unit-cycle, BF synthesis at 45 nm):
        //   w8a8 uses all 16 bricks:       0.4592 pJ per MAC
        //   w4a4 uses 2 x 2 = 4 bricks:    0.4592 x 4/16 = 0.1148 pJ per MAC (4 products per cycle)
        // A fixed 8-bit PE (H14 multiplier + 32-bit accumulator) costs 0.3 pJ per MAC.
        decimal w4a4 = PerAction(new Mac(4, 4, 32, MacUnit.BitComposable));
        decimal w8a8Composable = PerAction(new Mac(8, 8, 32, MacUnit.BitComposable));
        decimal w8a8Fixed = PerAction(new Mac(8, 8, 32));
        Assert.Multiple(() =>
        {
            Assert.That(w4a4, Is.EqualTo(0.1148m));
            Assert.That(w8a8Composable, Is.EqualTo(0.4592m));
            Assert.That(w4a4, Is.LessThan(w8a8Composable));
            Assert.That(w4a4, Is.LessThan(w8a8Fixed));
            Assert.That(Mac(Layer(4, 32, MacUnit.BitComposable)), Is.LessThan(Mac(Layer(8, 32, MacUnit.BitComposable))));
            Assert.That(BuiltInTable.Horowitz45.BitComposableMac.ProductsPerCycle(4, 4), Is.EqualTo(4));
        });
    }

    [Test]
    public void Should_refuse_a_mac_wider_than_the_bit_composable_unit()
    {
        var ex = Assert.Throws<QuantSim.Input.InputException>(() => PerAction(new Mac(16, 16, 48, MacUnit.BitComposable)))!;
        Assert.That(ex.Errors[0].Message, Is.EqualTo("a 16 x 16-bit MAC is wider than the bit-composable unit's 8-bit operands"));
    }
}
