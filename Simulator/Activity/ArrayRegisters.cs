using System.Collections.Immutable;
using QuantSim.Datapaths.Hardware;
using QuantSim.Simulator.Config;

namespace QuantSim.Simulator.Activity;

/// <summary>
/// The flip-flops of the array for one dataflow and one datapath, and what moves between them. The
/// datapath inventory lists a PE's own registers (operands, accumulator) and per-MAC register traffic;
/// what the dataflow adds is counted here, as the register-level arrays (<c>Simulator/Systolic</c>) build it:
/// <code>
///  dataflow  moves to the neighbour each MAC                stationary operand, per word loaded
///  OS        activation (right), weight (down), 2 flag bits  -
///  WS        activation (right), 1 swap-flag bit             weight: shadow write, copy to active, full bit set and cleared
///  IS        weight (right), 1 swap-flag bit                 activation: the same
/// </code>
/// Partial sums moving down a WS/IS column are the accumulator writes the inventory already lists. Operand
/// widths are the inventory's <see cref="HardwareInventory.Operands"/>. Each output lane holds its channel's
/// quantization parameters in registers (<see cref="LaneParameterBits"/>).
/// </summary>
public sealed record ArrayRegisters
{
    private ArrayRegisters(
        ImmutableArray<HardwareComponent> dataflowPeRegisters, int peBits, int laneBits, int rowEdgeBits, int columnEdgeBits,
        ImmutableArray<(int Bits, int Count)> perMac, ImmutableArray<(int Bits, int Count)> perStationaryWord, int perChannelParameterBits, int perLayerParameterBits)
    {
        DataflowPeRegisters = dataflowPeRegisters;
        PeBits = peBits;
        LaneBits = laneBits;
        RowEdgeBits = rowEdgeBits;
        ColumnEdgeBits = columnEdgeBits;
        ForwardedPerMac = perMac;
        WrittenPerStationaryWord = perStationaryWord;
        PerChannelParameterBits = perChannelParameterBits;
        PerLayerParameterBits = perLayerParameterBits;
    }

    /// <summary>Registers the dataflow adds to every PE (flags, a stationary operand's shadow register), for area and clock.</summary>
    public ImmutableArray<HardwareComponent> DataflowPeRegisters { get; }

    /// <summary>
    /// Flip-flop bits in one PE that the clock is charged for: the inventory's registers (none for a PE
    /// built around a composite MAC unit, whose per-MAC energy includes its registers' clock) plus the dataflow's.
    /// </summary>
    public int PeBits { get; }

    /// <summary>Flip-flop bits in one output lane, its parameter registers included.</summary>
    public int LaneBits { get; }

    /// <summary>The parameter registers of one output lane: every stored parameter of one channel (and the per-layer ones).</summary>
    public int LaneParameterBits => PerChannelParameterBits + PerLayerParameterBits;

    public int RowEdgeBits { get; }

    public int ColumnEdgeBits { get; }

    /// <summary>Register writes between PEs per MAC, as (width, writes).</summary>
    public ImmutableArray<(int Bits, int Count)> ForwardedPerMac { get; }

    /// <summary>Register writes per stationary word loaded into a PE (WS, IS), as (width, writes).</summary>
    public ImmutableArray<(int Bits, int Count)> WrittenPerStationaryWord { get; }

    /// <summary>Bits of the parameters stored once per output channel (bias, per-channel multipliers, ...).</summary>
    public int PerChannelParameterBits { get; }

    /// <summary>Bits of the parameters stored once per layer.</summary>
    public int PerLayerParameterBits { get; }

    /// <summary>The parameter registers of one output lane as a component, for area; null when the datapath stores no parameters.</summary>
    public HardwareComponent? LaneParameterRegisters =>
        LaneParameterBits == 0 ? null : new("parameter registers (one channel's, and the layer's)", ComponentKind.Register, LaneParameterBits, 0, 1);

    public static ArrayRegisters Of(Dataflow dataflow, HardwareInventory inventory)
    {
        int a = inventory.Operands.ActivationBits, w = inventory.Operands.WeightBits;
        ImmutableArray<HardwareComponent> extra;
        ImmutableArray<(int, int)> perMac, perWord;
        switch (dataflow)
        {
            case Dataflow.OutputStationary:
                extra = [new("first/last flags (moving right)", ComponentKind.Register, 2, 0, 1)];
                perMac = [(a, 1), (w, 1), (2, 1)];
                perWord = [];
                break;
            case Dataflow.WeightStationary or Dataflow.InputStationary:
                int stationary = dataflow == Dataflow.WeightStationary ? w : a;
                int streamed = dataflow == Dataflow.WeightStationary ? a : w;
                extra =
                [
                    new("shadow stationary register (next fold's operand)", ComponentKind.Register, stationary, 0, 1),
                    new("swap flag (moving right)", ComponentKind.Register, 1, 0, 1),
                    new("shadow-full bit", ComponentKind.Register, 1, 0, 1),
                ];
                perMac = [(streamed, 1), (1, 1)];
                perWord = [(stationary, 2), (1, 2)];
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(dataflow), dataflow, "Unknown dataflow.");
        }

        int perChannel = inventory.Parameters.Where(p => p.PerChannel).Sum(p => p.Bytes * 8);
        int perLayer = inventory.Parameters.Where(p => !p.PerChannel).Sum(p => p.Bytes * 8);
        // A composite MAC unit (Bit Fusion) is priced per MAC from its synthesis, registers and clock
        // included, so its PE's own registers are not clocked again; the dataflow's additions are.
        bool compositeMac = inventory.PeComponents.Any(c => c.Kind == ComponentKind.BitComposableMac);
        int peBits = (compositeMac ? 0 : RegisterBits(inventory.PeComponents.Where(c => !c.InsideMacUnit))) + RegisterBits(extra);
        int laneBits = RegisterBits(inventory.OutputLaneComponents.Where(c => !c.InsideMacUnit)) + perChannel + perLayer;
        return new ArrayRegisters(
            extra, peBits, laneBits, RegisterBits(inventory.RowEdgeComponents), RegisterBits(inventory.ColumnEdgeComponents),
            perMac, perWord, perChannel, perLayer);
    }

    private static int RegisterBits(IEnumerable<HardwareComponent> components) =>
        components.Where(c => c.Kind == ComponentKind.Register).Sum(c => c.Bits * c.Count);
}
