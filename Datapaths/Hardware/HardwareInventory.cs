using System.Collections.Immutable;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Hardware;

/// <summary>
/// What one variant's hardware does and holds at one precision: operations by scope (per MAC, per
/// row activation, per output row, per output, per channel, per layer), the per-layer parameters
/// stored and fetched, the PE's components, the output lane's components, the array-edge components
/// (when a form has any) and the PE throughput.
/// Data only: the simulator multiplies <see cref="Ops"/> by a layer's activity, the energy and area
/// models price the results.
/// </summary>
public sealed record HardwareInventory(
    string Datapath,
    string Form,
    Precision Precision,
    ImmutableArray<HardwareOp> Ops,
    ImmutableArray<LayerParameter> Parameters,
    ImmutableArray<HardwareComponent> PeComponents,
    ImmutableArray<HardwareComponent> OutputLaneComponents,
    PeThroughput MacsPerPeCycle)
{
    /// <summary>
    /// Components at the array's left edge, once per array row, where activations enter (e.g. a zero-point
    /// subtractor or dequantizer that works once per activation instead of in every PE). Empty for forms
    /// whose edge is plain wiring.
    /// </summary>
    public ImmutableArray<HardwareComponent> RowEdgeComponents { get; init; } = [];

    /// <summary>The widths at which the PE holds and forwards its operands (see <see cref="PeOperands"/>).</summary>
    public required PeOperands Operands { get; init; }

    /// <summary>Components at the array's top edge, once per array column, where weights enter.</summary>
    public ImmutableArray<HardwareComponent> ColumnEdgeComponents { get; init; } = [];

    public IEnumerable<HardwareOp> In(OpScope scope) => Ops.Where(o => o.Scope == scope);

    /// <summary>Stored parameter bytes of a layer with <paramref name="outputChannels"/> output channels.</summary>
    public long ParameterBytes(int outputChannels) =>
        Parameters.Sum(p => (long)p.Bytes * (p.PerChannel ? outputChannels : 1));

    /// <summary>
    /// The layer's operation counts per (kind, widths), parameter fetches included, merged and sorted
    /// by kind then widths so the output is deterministic.
    /// </summary>
    public ImmutableArray<OpCount> Count(ScopeCounts activity)
    {
        var totals = new SortedDictionary<(OpKind, int, int), long>();
        foreach (var op in Ops)
        {
            Add(totals, (op.Kind, op.Bits, op.SecondBits), op.Count * activity.Count(op.Scope));
        }

        foreach (var p in Parameters)
        {
            Add(totals, (OpKind.ParameterRead, p.Bytes * 8, 0), p.PerChannel ? activity.OutputChannels : 1);
        }

        return [.. totals.Select(t => new OpCount(t.Key.Item1, t.Key.Item2, t.Key.Item3, t.Value))];
    }

    private static void Add(SortedDictionary<(OpKind, int, int), long> totals, (OpKind, int, int) key, long count)
    {
        totals[key] = totals.GetValueOrDefault(key) + count;
    }
}
