namespace QuantSim.Datapaths.Contract;

/// <summary>
/// A layer whose dot products can leave its accumulator: K terms need <see cref="BitsNeeded"/> bits
/// (<see cref="AccumulatorSizing.Required"/>) and the design gives <see cref="BitsConfigured"/>, so sums can
/// wrap modulo 2^<see cref="BitsConfigured"/>. <see cref="OwnPrecision"/>: the width is the layer's own (a
/// trace's), not the config's <c>datapath.accumulator_bits</c>.
/// </summary>
public sealed record AccumulatorWrap(string Layer, int ReductionLength, int BitsNeeded, int BitsConfigured, bool OwnPrecision)
{
    /// <summary>The sentence every command prints for it.</summary>
    public string Message =>
        $"warning: layer '{Layer}' (K = {ReductionLength}): its sums can need {BitsNeeded} bits but the accumulator has {BitsConfigured}, "
        + $"so they can wrap modulo 2^{BitsConfigured} (modelled as the hardware computes them); "
        + (BitsNeeded <= Workloads.Layers.Precision.MaxAccumulatorBits
            ? $"give at least {BitsNeeded} bits{(OwnPrecision ? string.Empty : " or accumulator_bits: auto")} for exact sums"
            : $"no accumulator of at most {Workloads.Layers.Precision.MaxAccumulatorBits} bits holds them");
}
