using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.MixedPrecision;
using QuantSim.Energy.Pricing;
using QuantSim.Workloads.Layers;
using static QuantSim.Energy.Tests.TwoByTwoOsLayer;

namespace QuantSim.Energy.Tests;

/// <summary>
/// The bit-composable PE under its two pricings (<c>mac_unit: synthesis|components</c>), per MAC and per
/// clocked flip-flop, worked out by hand from the table's entries. The layer is the 4 x 3 x 4 GEMM (48 MACs)
/// on a 2 x 2 output-stationary array, as in <see cref="FormPerMacEnergyTests"/>: per MAC the PE does its
/// arithmetic and register traffic, and OS forwards the activation and the weight at the widths the PE holds
/// them plus 2 flag bits.
/// </summary>
public sealed class BitComposablePricingTests
{
    private static readonly Costs.CostTable T = Table;

    private static PricedSimulation Priced(string macUnit, int b)
    {
        var precision = new Precision(b, b, 32);
        return Price(DatapathChoice.Of(new MixedPrecisionDatapath(), precision, new Dictionary<string, string> { ["mac_unit"] = macUnit }), precision);
    }

    private static decimal PerMac(PricedSimulation p) =>
        p.Energy.Components.Where(c => c.Component.Name is "mac.multiplier" or "mac.accumulator" or "mac.bit-composable" or "pe.arithmetic" or "pe.registers" or "pe.forwarding").Sum(c => c.Pj) / Macs;

    [TestCase(8)]
    [TestCase(4)]
    [TestCase(2)]
    public void Should_price_the_unit_from_its_parts_like_every_fixed_pe(int b)
    {
        // ceil(b/2)^2 BitBricks of 3 x 3 bits, one fewer shift-add of 2b bits, one 32-bit accumulate, the
        // 32-bit accumulator write (register reads cost 0 in this table), OS forwarding of b + b + 2 bits
        int bricks = (b / 2) * (b / 2);
        decimal hand = (bricks * R(T.MultiplyPj(3, 3))) + ((bricks - 1) * R(T.AddPj(2 * b))) + R(T.AddPj(32))
                       + Write(32) + Write(b) + Write(b) + Write(2);
        Assert.That(PerMac(Priced("components", b)), Is.EqualTo(hand));
    }

    [TestCase(8)]
    [TestCase(4)]
    public void Should_price_the_unit_whole_from_the_synthesis_by_default(int b)
    {
        // BF: 0.4592 pJ per unit-cycle, a MAC using (b/2)^2 of its 16 bricks; parts, accumulator and registers
        // are inside that figure, so only the OS forwarding is added
        decimal hand = R(0.4592 * (b / 2) * (b / 2) / 16) + Write(b) + Write(b) + Write(2);
        Assert.That(PerMac(Priced("synthesis", b)), Is.EqualTo(hand));
    }

    [TestCase("components", 8 + 8 + 32 + 2)]
    [TestCase("synthesis", 2)]
    public void Should_clock_the_pe_flip_flops_the_pricing_does_not_already_include(string macUnit, int bits)
    {
        // components: weight, activation and accumulator registers plus the 2 OS flags, 4 PEs every cycle;
        // synthesis: the unit's registers and their clock are in BF's figure, the dataflow's flags are not
        var priced = Priced(macUnit, 8);
        decimal clock = priced.Energy.Components.Where(c => c.Component.Name == "pe.clock").Sum(c => c.Pj);
        Assert.That(clock, Is.EqualTo(4 * priced.Simulation.TotalCycles * R(T.Register.ClockPjPerBit.Value * bits)));
    }

    [Test]
    public void Should_size_the_pe_from_the_parts_only_when_priced_from_them()
    {
        var choice = DatapathChoice.Of(new MixedPrecisionDatapath(), new Precision(8, 8, 32), new Dictionary<string, string> { ["mac_unit"] = "components" });
        var inventory = choice.Inventory();
        Assert.That(inventory.PeComponents.Any(c => c.Kind == Datapaths.Hardware.ComponentKind.BitComposableMac), Is.False);
        Assert.That(inventory.PeComponents.All(c => !c.InsideMacUnit));
        Assert.That(inventory.Ops.All(o => !o.InsideMacUnit && o.Kind != Datapaths.Hardware.OpKind.ComposableMac));
    }
}
