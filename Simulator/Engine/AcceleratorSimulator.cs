using System.Collections.Immutable;
using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Hardware;
using QuantSim.Input;
using QuantSim.Simulator.Activity;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Dram;
using QuantSim.Simulator.Mapping;
using QuantSim.Simulator.Memory;
using QuantSim.Simulator.Planning;
using QuantSim.Simulator.Systolic;
using QuantSim.Simulator.Timing;
using QuantSim.Workloads;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Engine;

/// <summary>
/// Runs a workload on an accelerator, layer after layer: plan the layer once (lowered, mapped, tiled,
/// its folds scheduled; <see cref="LayerPlanner"/>), cross-check the plan on the register-level
/// array if asked, plan the DMA traffic, run the memory system on the event kernel against the DRAM
/// model, count SRAM accesses. One DRAM model lives through the whole workload. Pure: same inputs,
/// same result.
/// </summary>
public static class AcceleratorSimulator
{
    public static SimulationResult Run(
        AcceleratorConfig config,
        Workload workload,
        Fidelity fidelity = Fidelity.Fast,
        string configFile = "config",
        IProgress<int>? layersDone = null,
        CancellationToken stop = default)
    {
        var timing = FoldTimings.For(config.Array.Timing);
        if (fidelity == Fidelity.Register && !timing.HasRegisterModel)
        {
            throw new InputException(new InputError(configFile, 0, 0, "array.timing",
                "the register-level array models QuantSim's own microarchitecture; use timing: native with --fidelity register"));
        }

        var problems = GemmLowering.LowerAll(workload.Layers, workload.Name);
        var datapath = config.Datapath;
        WorkloadPrecisionCheck.ThrowIfAny(datapath, workload, workload.Name);
        var inventories = Inventories(config, workload);
        var dram = DramModels.Create(config.Dram, config.ClockMhz);
        var addresses = new DramAddresses();
        var layers = ImmutableArray.CreateBuilder<LayerSimulation>(workload.Layers.Length);
        long cycle = 0;
        for (int i = 0; i < workload.Layers.Length; i++)
        {
            stop.ThrowIfCancellationRequested();
            var layer = workload.Layers[i];
            var precision = datapath.For(layer);
            var inventory = inventories[precision];
            var plan = LayerPlanner.Plan(layer, problems[i], config.Array, timing, inventory.MacsPerPeCycle, config.Buffers, precision.AccumulatorBits);
            if (fidelity == Fidelity.Register)
            {
                CrossCheck(plan, seed: i);
            }

            var traffic = TrafficPlanner.Plan(plan, config.Buffers, precision);
            var before = dram.Statistics;
            var memory = MemorySystem.Run(traffic, plan.ComputeCycles, dram, addresses, cycle, config.Buffers.DoubleBuffered);
            var sram = timing.CountSram(config.Buffers, plan, traffic, precision);
            var moved = Delta(dram.Statistics, before);
            var activity = ActivityCounter.Count(plan, precision, inventory, config.Array, config.Buffers, sram, moved, memory.EndCycle - cycle);
            layers.Add(new LayerSimulation(i, layer, precision, plan.Array, traffic, memory, moved, sram, cycle, activity));
            cycle = memory.EndCycle;
            layersDone?.Report(i + 1);
        }

        return new SimulationResult(config, workload, fidelity, layers.MoveToImmutable(), dram.Statistics);
    }

    /// <summary>
    /// The datapath's hardware at every precision the workload uses, each checked against the buffers
    /// before any layer runs (the rule the config reader applies at the config's own precision), so a
    /// layer whose bits need a bigger tile stops the run with the config field to change.
    /// </summary>
    private static Dictionary<Precision, HardwareInventory> Inventories(AcceleratorConfig config, Workload workload)
    {
        var inventories = new Dictionary<Precision, HardwareInventory>();
        var errors = new List<InputError>();
        foreach (var layer in workload.Layers)
        {
            var precision = config.Datapath.For(layer);
            if (inventories.ContainsKey(precision))
            {
                continue;
            }

            var inventory = config.Datapath.Inventory(precision);
            inventories[precision] = inventory;
            foreach (var problem in BufferFit.Check(config.Array, config.Buffers, precision, inventory.MacsPerPeCycle))
            {
                errors.Add(config.Origin.Locate(problem.Field).Error($"layer '{layer.Name}' of workload '{workload.Name}': {problem.Message}"));
            }
        }

        return errors.Count == 0 ? inventories : throw new InputException(errors);
    }

    /// <summary>The register-level array runs the planned mapping on random operands; it must take exactly the planned cycles and traffic.</summary>
    private static void CrossCheck(LayerPlan plan, int seed)
    {
        var registers = RegisterArray.Run(plan.Mapping, GemmOperands.Random(plan.Mapping.Problem, seed));
        long cycles = registers.Cycles * plan.ClocksPerArrayCycle;
        if (cycles != plan.ComputeCycles || registers.Traffic != plan.Traffic)
        {
            throw new InvalidOperationException(
                $"Fidelity mismatch on layer '{plan.Layer.Name}': register-level {cycles} cycles, fast engine {plan.ComputeCycles}. This is a simulator bug.");
        }
    }

    private static DramStatistics Delta(DramStatistics after, DramStatistics before) => new(
        after.BytesRequestedRead - before.BytesRequestedRead,
        after.BytesRequestedWritten - before.BytesRequestedWritten,
        after.BytesMovedRead - before.BytesMovedRead,
        after.BytesMovedWritten - before.BytesMovedWritten,
        after.Bursts - before.Bursts,
        after.RowHits - before.RowHits,
        after.RowMisses - before.RowMisses,
        after.RowConflicts - before.RowConflicts,
        after.Refreshes - before.Refreshes);
}
