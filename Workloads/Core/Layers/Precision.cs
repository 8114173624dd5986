namespace QuantSim.Workloads.Layers;

/// <summary>
/// Operand and accumulator widths of one layer, in bits. A workload may give each layer its own
/// precision (mixed precision); otherwise the datapath's configured precision applies.
/// </summary>
public sealed record Precision(int WeightBits, int ActivationBits, int AccumulatorBits)
{
    public const int MinBits = 1;
    public const int MaxOperandBits = 32;
    public const int MaxAccumulatorBits = 64;

    /// <summary>The usual int8 inference precision: 8-bit operands, 32-bit accumulator.</summary>
    public static Precision W8A8 { get; } = new(8, 8, 32);

    /// <summary>Short name such as <c>w8a8</c> (the accumulator is not part of it).</summary>
    public string Name => $"w{WeightBits}a{ActivationBits}";

    public override string ToString() => $"{Name} (acc {AccumulatorBits})";
}
