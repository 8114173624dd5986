using QuantSim.Energy.Costs;
using QuantSim.Simulator.Activity;

namespace QuantSim.Energy.Model;

/// <summary>
/// Prices a run's activity: every counted action x its unit cost from the table, per layer and per
/// component, plus leakage = static power x the layer's cycles at the clock. The static power comes
/// from the area model (<see cref="Area.AreaReport.LeakagePowerMw"/>), since it scales with what is
/// built, not with what is done.
/// </summary>
public sealed class EnergyModel(CostTable table, string? dramOption = null)
{
    private readonly ActionPricer _pricer = new(table, dramOption);

    public ActionPricer Pricer => _pricer;

    /// <summary>Leakage energy of one cycle in pJ: mW x 1e-3 W/mW x (1 / (MHz x 1e6)) s x 1e12 pJ/J = mW x 1e3 / MHz.</summary>
    public static decimal LeakagePerCyclePj(decimal leakagePowerMw, double clockMhz) =>
        EnergyUnits.Round((double)leakagePowerMw * 1e3 / clockMhz);

    public EnergyReport Price(RunActivity run, decimal leakagePowerMw)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentOutOfRangeException.ThrowIfNegative(leakagePowerMw);
        decimal leakPerCycle = LeakagePerCyclePj(leakagePowerMw, run.ClockMhz);
        var layers = run.Layers.Select(layer => PriceLayer(layer, leakPerCycle)).ToList();
        var totals = new SortedDictionary<EnergyComponent, decimal>();
        foreach (var component in layers.SelectMany(l => l.Components))
        {
            totals[component.Component] = totals.GetValueOrDefault(component.Component) + component.Pj;
        }

        var components = totals.Select(t => new ComponentEnergy(t.Key, t.Value)).ToList();
        return new EnergyReport(table.Name, _pricer.Dram.Name, run.ClockMhz, run.Inferences, leakagePowerMw,
            layers, components, layers.Sum(l => l.TotalPj));
    }

    public LayerEnergy PriceLayer(LayerActivity layer, decimal leakagePerCyclePj)
    {
        var byComponent = new SortedDictionary<EnergyComponent, decimal>();
        foreach (var (key, count) in layer.Counts.Entries)
        {
            foreach (var (component, pj) in _pricer.UnitCost(key))
            {
                byComponent[component] = byComponent.GetValueOrDefault(component) + count * pj;
            }
        }

        if (leakagePerCyclePj > 0 && layer.Cycles > 0)
        {
            byComponent[EnergyComponent.Leakage] = layer.Cycles * leakagePerCyclePj;
        }

        var components = byComponent.Select(c => new ComponentEnergy(c.Key, c.Value)).ToList();
        return new LayerEnergy(layer.Layer, layer.Cycles, layer.Macs, components, components.Sum(c => c.Pj));
    }
}
