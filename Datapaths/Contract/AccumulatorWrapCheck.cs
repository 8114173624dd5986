using QuantSim.Workloads;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Contract;

/// <summary>
/// Which layers of a design can wrap their accumulator: a fixed <c>accumulator_bits: N</c> (or a trace
/// layer's <c>acc{N}</c>) narrower than what the layer's dot product can need. Wrapping is what a plain
/// two's-complement accumulator of that width does, and the kernels model it bit for bit, so a narrow
/// accumulator stays a design an architect may choose on purpose (Datapaths/README.md); these reports make
/// sure the choice is never silent. <c>auto</c> never wraps up to 64 bits.
/// </summary>
public static class AccumulatorWrapCheck
{
    /// <summary>The layers of <paramref name="workload"/> whose sums can wrap at the precision <paramref name="choice"/> runs them at.</summary>
    public static IReadOnlyList<AccumulatorWrap> Check(DatapathChoice choice, Workload workload) =>
        Check(choice, workload.Layers.Select(l => (l.Name, choice.For(l), GemmView.Of(l).K, l.Precision is not null)));

    /// <summary>The same for layers given as (name, precision run at, dot-product length K, own precision).</summary>
    public static IReadOnlyList<AccumulatorWrap> Check(DatapathChoice choice, IEnumerable<(string Layer, Precision Precision, int K, bool Own)> layers)
    {
        ArgumentNullException.ThrowIfNull(choice);
        var wraps = new List<AccumulatorWrap>();
        foreach (var (layer, precision, k, own) in layers)
        {
            int needed = AccumulatorSizing.Required(choice.Datapath, choice.Settings, precision, k);
            if (precision.AccumulatorBits < needed)
            {
                wraps.Add(new(layer, k, needed, precision.AccumulatorBits, own));
            }
        }

        return wraps;
    }
}
