using QuantSim.Datapaths.Hardware;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Dram;
using QuantSim.Simulator.Engine;
using QuantSim.Simulator.Mapping;
using QuantSim.Simulator.Planning;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Activity;

/// <summary>
/// Turns one simulated layer into counted actions: the datapath inventory's operations times the
/// layer's GEMM work, the array's forwarding and clock (<see cref="ArrayRegisters"/>), the quantization
/// parameters' fetch, storage and loads, and the SRAM words and DRAM bytes the memory system moved.
/// <list type="bullet">
/// <item>Per-MAC operations happen in the PEs. A multiply with role <see cref="OpRole.MacMultiply"/>
/// and the accumulate beside it are one <see cref="Mac"/> (a <see cref="OpKind.FloatMultiply"/> and its
/// <see cref="OpKind.FloatAdd"/> one <see cref="FloatMac"/>); a <see cref="OpKind.ComposableMac"/> is one
/// bit-composable MAC, and the parts listed inside it (<see cref="HardwareOp.InsideMacUnit"/>) are not
/// counted again.</item>
/// <item>Per-output, per-row, per-channel and edge operations happen in the output stage.</item>
/// <item>Forwarding: the dataflow's operand moves per MAC, and per stationary word loaded (WS, IS).
/// For a PE doing several MACs per cycle (bit-composable) every MAC's operands are counted as moving,
/// an upper bound.</item>
/// <item>Clock: <see cref="RegisterClock"/> of every PE flip-flop in every cycle, or only in a PE's busy
/// cycles (<see cref="ClockGating.IdlePe"/>), and of every output-lane, edge and parameter flip-flop
/// in every cycle.</item>
/// <item>Parameters: fetched from DRAM once per layer and written into the filter buffer beside the
/// weights; each output lane loads its channel's parameters (read from that buffer into its registers)
/// when its channel changes: once per channel when channels map to array columns (OS, WS), once per
/// output when they stream in time (IS); per-layer parameters once into every lane.</item>
/// <item>AND-gate arrays (bit-serial PEs) are counted as 2:1 multiplexers of the same width, an upper
/// bound: the cost table has no AND gate.</item>
/// </list>
/// Pure: the energy model only prices what this returns.
/// </summary>
public static class ActivityCounter
{
    /// <summary>The names SRAM actions and the energy breakdown use for the three buffers.</summary>
    public const string Ifmap = "ifmap";
    public const string Filter = "filter";
    public const string Ofmap = "ofmap";

    public static LayerActivity Count(
        LayerPlan plan, Precision precision, HardwareInventory inventory, ArrayConfig array, BufferSetConfig buffers, SramCounts sram, DramStatistics dram, long cycles)
    {
        var counts = ActivityCounts.CreateBuilder();
        var work = ScopeCounts.Of(plan.Layer);
        var registers = ArrayRegisters.Of(array.Dataflow, inventory);
        var mapping = plan.Mapping;
        AddDatapath(counts, work, precision, inventory);
        AddForwarding(counts, registers, work.Macs, array.Dataflow == Dataflow.OutputStationary ? 0 : plan.Traffic.Top);
        AddClock(counts, registers, array, cycles, BusyPeCycles(mapping, inventory.MacsPerPeCycle));
        AddParameters(counts, registers, array, buffers.Filter, work, channelsStreamInTime: array.Dataflow == Dataflow.InputStationary);
        AddMemory(counts, buffers, sram, dram);
        return new LayerActivity(plan.Layer.Name, cycles, plan.Layer.Macs, counts.Build());
    }

    /// <summary>
    /// One of every action a layer of <paramref name="precision"/> can make this config's hardware do:
    /// what the pricing check asks the cost table to price.
    /// </summary>
    public static ActivityCounts Probe(ArrayConfig array, BufferSetConfig buffers, Precision precision, HardwareInventory inventory)
    {
        var counts = ActivityCounts.CreateBuilder();
        var registers = ArrayRegisters.Of(array.Dataflow, inventory);
        var one = new ScopeCounts(1, 1, 1, 1, 1);
        AddDatapath(counts, one, precision, inventory);
        AddForwarding(counts, registers, 1, 1);
        AddClock(counts, registers, array, 1, 1);
        AddParameters(counts, registers, array, buffers.Filter, one, channelsStreamInTime: false);
        AddMemory(counts, buffers, new SramCounts(1, 1, 1, 1, 1, 1), new DramStatistics(1, 1, 1, 1, 1, 0, 0, 0, 0));
        return counts.Build();
    }

    /// <summary>The datapath's actions for one layer's GEMM work.</summary>
    public static void AddDatapath(ActivityCounts.Builder counts, ScopeCounts work, Precision precision, HardwareInventory inventory)
    {
        bool fusedMac = inventory.Ops.Any(o => o.Scope == OpScope.PerMac && o.Role == OpRole.MacMultiply && o.Kind is OpKind.Multiply or OpKind.FloatMultiply && !o.InsideMacUnit)
                        && inventory.Ops.Any(o => o.Scope == OpScope.PerMac && o.Role == OpRole.Accumulate && !o.InsideMacUnit);
        // A floating-point PE's MAC is priced as its multiply in one format and its add in the accumulator's.
        var floatAccumulate = inventory.Ops.FirstOrDefault(o => o.Scope == OpScope.PerMac && o.Role == OpRole.Accumulate && o.Kind == OpKind.FloatAdd)?.Format;
        foreach (var op in inventory.Ops)
        {
            if (op.InsideMacUnit)
            {
                continue;
            }

            bool inPe = op.Scope == OpScope.PerMac;
            if (inPe && fusedMac && op.Role == OpRole.Accumulate)
            {
                continue;
            }

            ActivityAction action = op.Kind switch
            {
                OpKind.ComposableMac => new Mac(op.SecondBits, op.Bits, precision.AccumulatorBits, MacUnit.BitComposable),
                OpKind.Multiply when inPe && fusedMac && op.Role == OpRole.MacMultiply => new Mac(op.SecondBits, op.Bits, precision.AccumulatorBits),
                OpKind.Multiply => new Multiply(op.Bits, op.SecondBits),
                OpKind.FloatMultiply when inPe && fusedMac && op.Role == OpRole.MacMultiply =>
                    new FloatMac(FormatOf(op), floatAccumulate ?? throw new ArgumentException("a floating-point multiply-accumulate needs a floating-point accumulate", nameof(inventory))),
                OpKind.FloatMultiply => new FloatMultiply(FormatOf(op)),
                OpKind.FloatAdd => new FloatAdd(FormatOf(op)),
                OpKind.Add => new Add(op.Bits),
                OpKind.Shift => new Shift(op.Bits),
                OpKind.Clamp => new Clamp(op.Bits),
                OpKind.And => new Mux(op.Bits),
                OpKind.RegisterRead or OpKind.ParameterRead => new RegisterRead(op.Bits),
                OpKind.RegisterWrite => new RegisterWrite(op.Bits),
                _ => throw new ArgumentOutOfRangeException(nameof(inventory), op.Kind, "An inventory operation the counter does not know."),
            };
            counts.Add(inPe ? ActivitySite.ProcessingElement : ActivitySite.OutputStage, action, op.Count * work.Count(op.Scope));
        }
    }

    private static Datapaths.Numerics.FloatFormat FormatOf(HardwareOp op) =>
        op.Format ?? throw new ArgumentException($"floating-point operation '{op.Purpose}' has no format", nameof(op));

    /// <summary>Operands moving between PEs: per MAC, and per stationary word loaded.</summary>
    public static void AddForwarding(ActivityCounts.Builder counts, ArrayRegisters registers, long macs, long stationaryWords)
    {
        foreach (var (bits, n) in registers.ForwardedPerMac)
        {
            counts.Add(ActivitySite.Forwarding, new RegisterWrite(bits), n * macs);
        }

        foreach (var (bits, n) in registers.WrittenPerStationaryWord)
        {
            counts.Add(ActivitySite.Forwarding, new RegisterWrite(bits), n * stationaryWords);
        }
    }

    /// <summary>
    /// The clock of every flip-flop: the PEs' in every cycle (or in their busy cycles when idle PEs are
    /// gated), the output lanes', edge units' and parameter registers' in every cycle.
    /// </summary>
    public static void AddClock(ActivityCounts.Builder counts, ArrayRegisters registers, ArrayConfig array, long cycles, long busyPeCycles)
    {
        long peCycles = array.ClockGating == ClockGating.IdlePe ? busyPeCycles : (long)array.ProcessingElements * cycles;
        if (registers.PeBits > 0)
        {
            counts.Add(ActivitySite.ProcessingElement, new RegisterClock(registers.PeBits), peCycles);
        }

        int outside = array.Cols * registers.LaneBits + array.Rows * registers.RowEdgeBits + array.Cols * registers.ColumnEdgeBits;
        if (outside > 0)
        {
            counts.Add(ActivitySite.OutputStage, new RegisterClock(outside), cycles);
        }
    }

    /// <summary>
    /// Quantization parameters: the DRAM fetch of the layer's parameter bytes and their write into the filter
    /// buffer (whole words), then the output lanes' loads, each a register write of one channel's parameters
    /// and the filter-buffer words they occupy.
    /// </summary>
    public static void AddParameters(ActivityCounts.Builder counts, ArrayRegisters registers, ArrayConfig array, BufferConfig store, ScopeCounts work, bool channelsStreamInTime)
    {
        long channelBits = (long)registers.PerChannelParameterBits * work.OutputChannels;
        long bytes = (channelBits + registers.PerLayerParameterBits) / 8;
        counts.Add(ActivitySite.Parameters, new DramRead(8), bytes);
        counts.Add(ActivitySite.Parameters, Write(Filter, store), Words(bytes * 8, store.WordBits));
        if (registers.PerChannelParameterBits > 0)
        {
            long loads = channelsStreamInTime ? work.Outputs : work.OutputChannels;
            counts.Add(ActivitySite.Parameters, new RegisterWrite(registers.PerChannelParameterBits), loads);
            counts.Add(ActivitySite.Parameters, Read(Filter, store), loads * Words(registers.PerChannelParameterBits, store.WordBits));
        }

        if (registers.PerLayerParameterBits > 0)
        {
            counts.Add(ActivitySite.Parameters, new RegisterWrite(registers.PerLayerParameterBits), array.Cols);
            counts.Add(ActivitySite.Parameters, Read(Filter, store), Words(registers.PerLayerParameterBits, store.WordBits));
        }
    }

    /// <summary>
    /// PE-cycles in which a physical PE holds a fold's operands: per fold, used rows x physical columns used
    /// (a PE doing p MACs per cycle hosts p logical columns) x the fold's streamed length x clocks per array
    /// cycle; summed in closed form (used rows sum to Sr over the row folds, streamed lengths to T).
    /// </summary>
    public static long BusyPeCycles(ArrayMapping mapping, PeThroughput throughput)
    {
        int p = throughput.Macs;
        long physicalColumns = (long)(mapping.ColFolds - 1) * (mapping.Cols / p) + (mapping.LastFoldCols + p - 1) / p;
        return mapping.Problem.Groups * (long)mapping.Sr * physicalColumns * mapping.T * throughput.Cycles;
    }

    private static long Words(long bits, int wordBits) => (bits + wordBits - 1) / wordBits;

    /// <summary>SRAM words per buffer (at the buffer's word width and bank size) and DRAM bytes moved.</summary>
    public static void AddMemory(ActivityCounts.Builder counts, BufferSetConfig buffers, SramCounts sram, DramStatistics dram)
    {
        counts.Add(ActivitySite.Memory, Read(Ifmap, buffers.Ifmap), sram.IfmapReads)
            .Add(ActivitySite.Memory, Write(Ifmap, buffers.Ifmap), sram.IfmapWrites)
            .Add(ActivitySite.Memory, Read(Filter, buffers.Filter), sram.FilterReads)
            .Add(ActivitySite.Memory, Write(Filter, buffers.Filter), sram.FilterWrites)
            .Add(ActivitySite.Memory, Read(Ofmap, buffers.Ofmap), sram.OfmapReads)
            .Add(ActivitySite.Memory, Write(Ofmap, buffers.Ofmap), sram.OfmapWrites)
            .Add(ActivitySite.Memory, new DramRead(8), dram.BytesMovedRead)
            .Add(ActivitySite.Memory, new DramWrite(8), dram.BytesMovedWritten);
    }

    /// <summary>One word read from a buffer.</summary>
    public static SramRead Read(string name, BufferConfig buffer) => new(name, buffer.CapacityBytes, buffer.WordBits, buffer.Banks);

    /// <summary>One word written to a buffer.</summary>
    public static SramWrite Write(string name, BufferConfig buffer) => new(name, buffer.CapacityBytes, buffer.WordBits, buffer.Banks);
}
