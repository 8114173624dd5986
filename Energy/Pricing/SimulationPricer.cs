using QuantSim.Energy.Area;
using QuantSim.Energy.Costs;
using QuantSim.Energy.Model;
using QuantSim.Simulator.Engine;

namespace QuantSim.Energy.Pricing;

/// <summary>
/// Prices a simulation: the activity the simulator counted, action by action, from the cost table;
/// the area of the hardware the config builds, whose leakage is charged over every layer's cycles;
/// the peak throughput of the array. Nothing is counted here.
/// </summary>
public static class SimulationPricer
{
    /// <summary>Prices with the config's own table (see <see cref="PricingCheck.Check(Simulator.Config.AcceleratorConfig)"/> to refuse a bad one before simulating).</summary>
    public static PricedSimulation Price(SimulationResult simulation) => Price(simulation, AcceleratorCosts.Table(simulation.Config));

    public static PricedSimulation Price(SimulationResult simulation, CostTable table)
    {
        var config = simulation.Config;
        var inventory = config.Datapath.Inventory(AreaPrecision(simulation));
        var area = new AreaModel(table).Estimate(AcceleratorCosts.Hardware(config, inventory));
        var energy = new EnergyModel(table, AcceleratorCosts.DramOption(config)).Price(simulation.Activity, area.LeakagePowerMw);
        var throughput = inventory.MacsPerPeCycle;
        double peakTops = 2.0 * config.Array.ProcessingElements * throughput.Macs / throughput.Cycles * config.ClockMhz * 1e6 / 1e12;
        return new PricedSimulation(simulation, energy, area, peakTops);
    }

    /// <summary>
    /// The precision the built hardware is sized for: the config's, except that with
    /// <c>accumulator_bits: auto</c> the PE's accumulator (and the output lane after it) is as wide as the
    /// widest layer's, since one array runs every layer. Each layer's energy is still its own width's.
    /// </summary>
    public static Workloads.Layers.Precision AreaPrecision(SimulationResult simulation)
    {
        var datapath = simulation.Config.Datapath;
        return datapath.SizesAccumulators && !simulation.Layers.IsEmpty
            ? datapath.Precision with { AccumulatorBits = simulation.Layers.Max(l => l.Precision.AccumulatorBits) }
            : datapath.Precision;
    }
}
