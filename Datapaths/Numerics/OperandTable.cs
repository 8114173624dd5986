using System.Collections.Immutable;

namespace QuantSim.Datapaths.Numerics;

/// <summary>
/// The multiplier operand of every code of one quantizer, <see cref="Values"/>[code − <see cref="MinCode"/>]:
/// a per-tensor transform (e.g. fixed-point dequantization) computed once per layer, so the kernel's
/// inner loop stays a lookup and the transform is defined in one place.
/// </summary>
public sealed record OperandTable(int MinCode, ImmutableArray<int> Values)
{
    public int this[int code]
    {
        get
        {
            int i = code - MinCode;
            return (uint)i < (uint)Values.Length
                ? Values[i]
                : throw new ArgumentOutOfRangeException(nameof(code), code, $"code outside [{MinCode}, {MinCode + Values.Length - 1}]");
        }
    }

    /// <summary>The table of <paramref name="transform"/> over every code of <paramref name="codes"/>.</summary>
    public static OperandTable Of(CodeRange codes, Func<int, int> transform) =>
        new(codes.Min, [.. Enumerable.Range(codes.Min, codes.Max - codes.Min + 1).Select(transform)]);
}
