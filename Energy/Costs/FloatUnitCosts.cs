namespace QuantSim.Energy.Costs;

/// <summary>
/// The floating-point adder and multiplier of one format (fp16, bf16, fp32): energy per operation and area,
/// from the cost table's <c>floating_point</c> section, each with its source.
/// </summary>
public sealed record FloatUnitCosts(string Format, double AddPj, double MultiplyPj, double AddAreaUm2, double MultiplyAreaUm2, Provenance Provenance);
