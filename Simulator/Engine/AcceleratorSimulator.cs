using System.Collections.Immutable;
using QuantSim.Input;
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
        var dram = DramModels.Create(config.Dram, config.ClockMhz);
        var addresses = new DramAddresses();
        var layers = ImmutableArray.CreateBuilder<LayerSimulation>(workload.Layers.Length);
        long cycle = 0;
        for (int i = 0; i < workload.Layers.Length; i++)
        {
            var layer = workload.Layers[i];
            var precision = layer.Precision ?? config.Datapath.Precision;
            var (array, schedule) = TimeArray(layer, config.Array, workload.Name, fidelity, seed: i);
            var plan = TrafficPlanner.Plan(layer, array.Mapping, schedule, config.Buffers, precision, configFile);
            var before = dram.Statistics;
            var memory = MemorySystem.Run(plan, array.ComputeCycles, dram, addresses, cycle, config.Buffers.DoubleBuffered);
            var sram = SramAccounting.Count(config, array, plan, precision);
            layers.Add(new LayerSimulation(i, layer, precision, array, plan, memory, Delta(dram.Statistics, before), sram, cycle));
            cycle = memory.EndCycle;
            layersDone?.Report(i + 1);
        }

        return new SimulationResult(config, workload, fidelity, layers.MoveToImmutable(), dram.Statistics);
    }

    private static (LayerResult Array, FoldSchedule Schedule) TimeArray(Layer layer, ArrayConfig array, string workload, Fidelity fidelity, int seed)
    {
        if (array.Timing == TimingConvention.ScaleSim)
        {
            // SCALE-Sim's own GEMM view (its output size), so its cycles and SRAM counts come out exactly.
            var scaleSim = LayerSimulator.Simulate(ScaleSimTiming.Lower(layer, workload), array);
            return (scaleSim, ScaleSimFoldSchedule.Of(scaleSim.Mapping));
        }

        var result = LayerSimulator.Simulate(layer, array, workload);
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
