using System.Collections.Immutable;

namespace QuantSim.Workloads.Onnx;

/// <summary>
/// What static inference knows of one tensor of the graph: its shape (every dimension a number),
/// element type, whether it is a constant (an initializer or computed from constants only), its
/// values when it is a small integer constant (a Reshape target, Slice bounds, a Shape result), and
/// for a dequantized tensor how it was quantized.
/// </summary>
internal sealed record OnnxTensor(ImmutableArray<long> Shape, int ElementType)
{
    /// <summary>Largest integer constant whose values are kept: shape vectors and axis lists are a handful of numbers.</summary>
    public const int MaxValues = 4096;

    public bool IsConstant { get; init; }

    public ImmutableArray<long>? Values { get; init; }

    /// <summary>The values of a small float constant (Resize scales).</summary>
    public ImmutableArray<double>? FloatValues { get; init; }

    public OnnxQuantization? Quantization { get; init; }

    public int Rank => Shape.Length;

    public long Elements => Shape.Aggregate(1L, (p, d) => checked(p * d));

    public string ShapeText => $"[{string.Join(", ", Shape)}]";
}
