using System.Collections.Immutable;
using System.Numerics;
using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Hardware;
using QuantSim.Input;
using QuantSim.Simulator.Activity;
using QuantSim.Simulator.Array;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Dram;
using QuantSim.Simulator.Mapping;
using QuantSim.Simulator.Memory;
using QuantSim.Simulator.Results;
using QuantSim.Simulator.Timing;
using QuantSim.Workloads;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Engine;

/// <summary>
/// Runs a workload on an accelerator, layer after layer: lower and map the layer, time its folds
/// (fast engine, or the register-level array cross-checked against it), plan the DMA traffic, run
/// the memory system on the event kernel against the DRAM model, count SRAM accesses. One DRAM model
/// lives through the whole workload. Pure: same inputs, same result.
/// </summary>
public static class AcceleratorSimulator
{
    public static SimulationResult Run(
        AcceleratorConfig config,
        Workload workload,
        Fidelity fidelity = Fidelity.Fast,
        string configFile = "config",
        IProgress<int>? layersDone = null)
    {
        if (fidelity == Fidelity.Register && config.Array.Timing == TimingConvention.ScaleSim)
        {
            throw new InputException(new InputError(configFile, 0, 0, "array.timing",
                "the register-level array models QuantSim's own microarchitecture; use timing: native with --fidelity register"));
        }

        GemmLowering.LowerAll(workload.Layers, workload.Name);
        var datapath = config.Datapath;
        WorkloadPrecisionCheck.ThrowIfAny(datapath, workload, workload.Name);
        var inventories = Inventories(config, workload);
        var dram = DramModels.Create(config.Dram, config.ClockMhz);
        var addresses = new DramAddresses();
        var layers = ImmutableArray.CreateBuilder<LayerSimulation>(workload.Layers.Length);
        long cycle = 0;
        for (int i = 0; i < workload.Layers.Length; i++)
        {
            var layer = workload.Layers[i];
            var precision = layer.Precision ?? datapath.Precision;
            var inventory = inventories[precision];
            var (array, schedule) = TimeArray(layer, config, precision, inventory.MacsPerPeCycle, workload.Name, fidelity, seed: i);
            var plan = TrafficPlanner.Plan(layer, array.Mapping, schedule, config.Buffers, precision);
            var before = dram.Statistics;
            var memory = MemorySystem.Run(plan, array.ComputeCycles, dram, addresses, cycle, config.Buffers.DoubleBuffered);
            var sram = SramAccounting.Count(config, array, plan, precision);
            var moved = Delta(dram.Statistics, before);
            var activity = ActivityCounter.Count(layer, precision, inventory, config.Buffers, sram, moved, memory.EndCycle - cycle);
            layers.Add(new LayerSimulation(i, layer, precision, array, plan, memory, moved, sram, cycle, activity));
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
            var precision = layer.Precision ?? config.Datapath.Precision;
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

    /// <summary>
    /// A PE that does p/q MACs per cycle (a bit-composable PE at low precision, a bit-serial PE) is
    /// timed as a logical array p times wider, each of whose cycles takes q clock cycles: fused
    /// sub-multipliers work on different output columns side by side, and a multi-cycle MAC slows
    /// the whole systolic wave uniformly.
    /// </summary>
    private static (LayerResult Array, FoldSchedule Schedule) TimeArray(
        Layer layer, AcceleratorConfig config, Precision precision, PeThroughput throughput, string workload, Fidelity fidelity, int seed)
    {
        int gcd = (int)BigInteger.GreatestCommonDivisor(throughput.Macs, throughput.Cycles);
        int widen = throughput.Macs / gcd, stretch = throughput.Cycles / gcd;
        var array = config.Array with { Cols = config.Array.Cols * widen };
        var (result, schedule) = TimeLogicalArray(layer, array, config.Buffers, precision, workload, fidelity, seed);
        return stretch == 1
            ? (result, schedule)
            : (result with { ComputeCycles = result.ComputeCycles * stretch }, Stretch(schedule, stretch));
    }

    private static FoldSchedule Stretch(FoldSchedule s, long k) => new(
        s.StreamStart.Select(c => c * k).ToArray(),
        s.LoadStart.Select(c => c < 0 ? c : c * k).ToArray(),
        s.LastOutput.Select(c => (c + 1) * k - 1).ToArray(),
        s.TotalCycles * k);

    private static (LayerResult Array, FoldSchedule Schedule) TimeLogicalArray(
        Layer layer, ArrayConfig array, BufferSetConfig buffers, Precision precision, string workload, Fidelity fidelity, int seed)
    {
        if (array.Timing == TimingConvention.ScaleSim)
        {
            // SCALE-Sim's own GEMM view (its output size), so its cycles and SRAM counts come out exactly.
            var scaleSim = LayerSimulator.Simulate(ScaleSimTiming.Lower(layer, workload), array);
            return (scaleSim, ScaleSimFoldSchedule.Of(scaleSim.Mapping));
        }

        var untiled = LayerSimulator.Simulate(layer, array, workload);
        var result = LayerSimulator.Simulate(TemporalTiling.Apply(untiled.Mapping, buffers, precision.AccumulatorBits, array.Timing), array.Timing);
        var schedule = NativeTiming.Schedule(result.Mapping);
        if (fidelity == Fidelity.Register)
        {
            var registers = RegisterArray.Run(result.Mapping, GemmOperands.Random(result.Problem, seed));
            if (registers.Cycles != result.ComputeCycles || registers.Traffic != result.Traffic)
            {
                throw new InvalidOperationException(
                    $"Fidelity mismatch on layer '{layer.Name}': register-level {registers.Cycles} cycles, fast engine {result.ComputeCycles}. This is a simulator bug.");
            }
        }

        return (result, schedule);
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
