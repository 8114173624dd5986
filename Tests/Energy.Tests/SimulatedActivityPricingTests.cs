using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Lsq;
using QuantSim.Energy.Model;
using QuantSim.Energy.Pricing;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Engine;
using QuantSim.Workloads;
using QuantSim.Workloads.Layers;

namespace QuantSim.Energy.Tests;

/// <summary>
/// Pricing what the simulator counted: the 4 x 3 x 4 GEMM of the activity-counter tests (48 MACs,
/// 16 outputs) on a 2 x 2 output-stationary LSQ array, priced by the shipped table. The expected
/// figures are the table's entries times the counts derived by hand there.
/// </summary>
public sealed class SimulatedActivityPricingTests
{
    private static PricedSimulation Priced()
    {
        var config = new AcceleratorConfig(
            "t", string.Empty, 1000,
            new ArrayConfig(2, 2, Dataflow.OutputStationary, TimingConvention.Native),
            new BufferSetConfig(new BufferConfig(1 << 16, 8, 1), new BufferConfig(1 << 16, 8, 1), new BufferConfig(1 << 16, 32, 1), DoubleBuffered: true),
            new IdealDramConfig(),
            DatapathChoice.Of(new LsqDatapath(), Precision.W8A8),
            new TechnologyConfig("horowitz-45nm"));
        var simulation = AcceleratorSimulator.Run(config, new Workload("w", [new GemmLayer("g", M: 4, N: 4, K: 3)]));
        return SimulationPricer.Price(simulation, BuiltInTable.Horowitz45);
    }

    private static decimal Component(PricedSimulation p, EnergyComponent c) => p.Energy.Components.Single(x => x.Component == c).Pj;

    [Test]
    public void Should_price_the_counted_macs_and_output_lane_from_the_table()
    {
        var priced = Priced();
        var t = BuiltInTable.Horowitz45;
        Assert.Multiple(() =>
        {
            // 48 MACs: H14 8x8 multiply 0.2 pJ, 32-bit add 0.1 pJ.
            Assert.That(Component(priced, EnergyComponent.MacMultiplier), Is.EqualTo(48 * 0.2m));
            Assert.That(Component(priced, EnergyComponent.MacAccumulator), Is.EqualTo(48 * 0.1m));

            // Output lane: 16 x (bias add 32 b + 32x32 rescale + 64-bit rounding add + 64-bit shift + clamp to 32 b).
            decimal perOutput = EnergyUnits.Round(t.AddPj(32)) + EnergyUnits.Round(t.MultiplyPj(32, 32)) + EnergyUnits.Round(t.AddPj(64))
                                + EnergyUnits.Round(t.ShiftPj(64)) + EnergyUnits.Round(t.ClampPj(32));
            Assert.That(Component(priced, EnergyComponent.OutputDatapath), Is.EqualTo(16 * perOutput));

            // Parameters (counts derived in the activity-counter tests): 21 bytes from DRAM; 4 loads of a channel's
            // 32-bit bias and 2 of the layer's 40 bits into lane registers; 21 words written to and 21 read from
            // the 8-bit filter buffer (64 KiB, one bank).
            Assert.That(Component(priced, EnergyComponent.DramParameters), Is.EqualTo(21 * EnergyUnits.Round(priced.Energy.DramOption == "h14" ? 8 * 20.3125 : double.NaN)));
            Assert.That(Component(priced, EnergyComponent.ParameterRegisters),
                Is.EqualTo(4 * EnergyUnits.Round(t.Register.WritePjPerBit.Value * 32) + 2 * EnergyUnits.Round(t.Register.WritePjPerBit.Value * 40)));
            Assert.That(Component(priced, EnergyComponent.ParameterSram),
                Is.EqualTo(21 * EnergyUnits.Round(t.SramWritePj(1 << 16, 8)) + 21 * EnergyUnits.Round(t.SramReadPj(1 << 16, 8))));
        });
    }

    [Test]
    public void Should_make_the_total_the_sum_of_every_counted_action_at_its_unit_price_plus_leakage()
    {
        var priced = Priced();
        var pricer = new EnergyModel(BuiltInTable.Horowitz45).Pricer;
        var layer = priced.Simulation.Layers.Single();
        decimal dynamic = layer.Activity.Counts.Entries.Sum(e => e.Value * pricer.UnitTotal(e.Key));
        decimal leakage = layer.TotalCycles * EnergyModel.LeakagePerCyclePj(priced.Area.LeakagePowerMw, 1000);
        Assert.That(priced.Energy.TotalPj, Is.EqualTo(dynamic + leakage));
        Assert.That(priced.Energy.Components.Sum(c => c.Pj), Is.EqualTo(priced.Energy.TotalPj));
    }
}
