using QuantSim.Datapaths.Hardware;
using QuantSim.Energy.Area;
using QuantSim.Energy.Costs;
using QuantSim.Energy.Model;
using QuantSim.Input;
using QuantSim.Simulator.Activity;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Dram;
using QuantSim.Simulator.Engine;
using QuantSim.Workloads;
using QuantSim.Workloads.Layers;

namespace QuantSim.Energy.Pricing;

/// <summary>
/// The pricing rules that <c>validate</c> and <c>simulate</c> share: the config's cost table exists and
/// parses, and it prices every action and sizes every unit the config can produce at a precision.
/// The check counts a probe layer (one of every GEMM scope, one access of every buffer, one DRAM byte
/// each way) with the simulator's own <see cref="ActivityCounter"/>, so the set of actions it prices is
/// exactly the set a real run of that precision produces; a run then never lacks energy. Errors name
/// the config field at fault: the buffer whose capacity or word width the table does not cover, else
/// <c>technology.cost_table</c>, with the table's own complaint.
/// </summary>
public static class PricingCheck
{
    /// <summary>Loads the config's table and proves it covers the config at its own precision.</summary>
    public static CostTable Check(AcceleratorConfig config) => Check(config, AcceleratorCosts.Table(config));

    /// <summary>Proves <paramref name="table"/>, the config's table loaded once for many configs (a sweep), covers the config at its own precision.</summary>
    public static CostTable Check(AcceleratorConfig config, CostTable table)
    {
        Covers(config, table, [config.Datapath.Precision], null);
        return table;
    }

    /// <summary>
    /// Loads the config's table and proves it covers every precision <paramref name="workload"/>'s layers
    /// run at (their own bits, else the config's), each error naming the first layer that needs it.
    /// </summary>
    public static CostTable Check(AcceleratorConfig config, Workload workload) => Check(config, workload, AcceleratorCosts.Table(config));

    /// <summary>The same with the config's table already loaded (<see cref="Check(AcceleratorConfig, CostTable)"/>).</summary>
    public static CostTable Check(AcceleratorConfig config, Workload workload, CostTable table)
    {
        var precisions = workload.Layers.Select(config.Datapath.For).Distinct().ToList();
        Covers(config, table, precisions, workload);
        return table;
    }

    private static void Covers(AcceleratorConfig config, CostTable table, IReadOnlyList<Precision> precisions, Workload? workload)
    {
        var errors = new List<InputError>();
        var costs = config.Origin.Locate("technology.cost_table");
        var dram = config.Technology.DramEnergy is null ? costs : config.Origin.Locate("technology.dram_energy");
        ActionPricer? pricer = Try(errors, dram, () => new ActionPricer(table, AcceleratorCosts.DramOption(config)));
        foreach (var precision in precisions)
        {
            // The config's own precision is the config's problem; a layer's own (or sized) one names the first layer that needs it.
            string layer = precision != config.Datapath.Precision && workload?.Layers.FirstOrDefault(l => config.Datapath.For(l) == precision) is { } first
                ? $"layer '{first.Name}' ({precision.Spec}): "
                : string.Empty;
            var inventory = config.Datapath.Inventory(precision);
            var probe = ActivityCounter.Probe(config.Array, config.Buffers, precision, inventory);
            foreach (var (key, _) in probe.Entries.Where(_ => pricer is not null))
            {
                var where = key.Action is SramAccess sram ? config.Origin.Locate($"buffers.{sram.Buffer}.capacity_kib") : costs;
                Try(errors, where, () => pricer!.UnitCost(key), $"{layer}the cost table cannot price {key.Action}: ");
            }

            Try(errors, costs, () => new AreaModel(table).Estimate(AcceleratorCosts.Hardware(config, inventory)), $"{layer}the cost table cannot size this hardware: ");
        }

        if (errors.Count > 0)
        {
            throw new InputException([.. errors.Distinct()]);
        }
    }

    /// <summary>Runs a pricing step; a table error becomes an error at <paramref name="where"/> that quotes it.</summary>
    private static T? Try<T>(List<InputError> errors, FieldLocation where, Func<T> step, string prefix = "")
        where T : class
    {
        try
        {
            return step();
        }
        catch (InputException ex)
        {
            errors.AddRange(ex.Errors.Select(e => where.Error($"{prefix}{e.Message} ({Where(e)})")));
            return null;
        }
    }

    private static string Where(InputError e) => e.Line > 0 ? $"{e.File}:{e.Line}: {e.Field}" : $"{e.File}: {e.Field}";
}
