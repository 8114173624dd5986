using QuantSim.Datapaths.Numerics;

namespace QuantSim.Simulator.Activity;

/// <summary>
/// One floating-point multiply-accumulate: a <see cref="MultiplyFormat"/> multiply whose product is added into a
/// <see cref="AccumulateFormat"/> accumulator.
/// </summary>
public sealed record FloatMac(FloatFormat MultiplyFormat, FloatFormat AccumulateFormat) : ActivityAction
{
    public override string SortKey => $"float-mac({MultiplyFormat},{AccumulateFormat})";
}

/// <summary>A floating-point multiply of two <see cref="Format"/> values (a dequantizer's scale, a rescale).</summary>
public sealed record FloatMultiply(FloatFormat Format) : ActivityAction
{
    public override string SortKey => $"float-multiply({Format})";
}

/// <summary>A floating-point add of two <see cref="Format"/> values (a bias add).</summary>
public sealed record FloatAdd(FloatFormat Format) : ActivityAction
{
    public override string SortKey => $"float-add({Format})";
}
