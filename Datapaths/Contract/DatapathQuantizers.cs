using QuantSim.Datapaths.Numerics;

namespace QuantSim.Datapaths.Contract;

/// <summary>The quantizer shapes a variant uses at one precision; outputs use the activation spec.</summary>
public sealed record DatapathQuantizers(QuantizerSpec Weights, QuantizerSpec Activations);
