using System.Globalization;
using System.Text.RegularExpressions;

namespace QuantSim.Workloads.Layers;

/// <summary>
/// Operand and accumulator widths of one layer, in bits. A workload may give each layer its own
/// precision (mixed precision); otherwise the datapath's configured precision applies.
/// </summary>
/// <remarks>
/// Written as <c>w{W}a{A}</c> or <c>w{W}a{A}acc{N}</c> (lower case, no spaces): <c>w4a4</c>,
/// <c>w8a8acc32</c>, <c>w2a8acc16</c>. Without <c>acc</c> the accumulator is
/// <see cref="DefaultAccumulatorBits"/> wide, as in the accelerator configs. Operands are
/// <see cref="MinBits"/> to <see cref="MaxOperandBits"/> bits, the accumulator at most
/// <see cref="MaxAccumulatorBits"/> and at least W + A bits, so that it holds one product.
/// </remarks>
public sealed partial record Precision(int WeightBits, int ActivationBits, int AccumulatorBits)
{
    public const int MinBits = 1;
    public const int MaxOperandBits = 32;
    public const int MaxAccumulatorBits = 64;
    public const int DefaultAccumulatorBits = 32;

    /// <summary>The usual int8 inference precision: 8-bit operands, 32-bit accumulator.</summary>
    public static Precision W8A8 { get; } = new(8, 8, 32);

    /// <summary>Short name such as <c>w8a8</c> (the accumulator is not part of it).</summary>
    public string Name => $"w{WeightBits}a{ActivationBits}";

    /// <summary>
    /// The name that parses back to this precision: <see cref="Name"/> when the accumulator is the
    /// default width, else with <c>acc{N}</c> appended.
    /// </summary>
    public string Spec => AccumulatorBits == DefaultAccumulatorBits ? Name : $"{Name}acc{AccumulatorBits}";

    public override string ToString() => $"{Name} (acc {AccumulatorBits})";

    /// <summary>
    /// Parses <c>w{W}a{A}</c> or <c>w{W}a{A}acc{N}</c>. On failure <paramref name="error"/> says why
    /// in words fit for an input error message.
    /// </summary>
    public static bool TryParse(string text, out Precision? precision, out string error)
    {
        precision = null;
        var match = SpecPattern().Match(text);
        if (!match.Success)
        {
            error = $"unknown precision '{text}'; expected w<bits>a<bits> or w<bits>a<bits>acc<bits>, e.g. w8a8 or w4a4acc16";
            return false;
        }

        // The pattern caps each number at 3 digits, so int parsing cannot overflow.
        int w = int.Parse(match.Groups["w"].Value, CultureInfo.InvariantCulture);
        int a = int.Parse(match.Groups["a"].Value, CultureInfo.InvariantCulture);
        int acc = match.Groups["acc"].Success
            ? int.Parse(match.Groups["acc"].Value, CultureInfo.InvariantCulture)
            : DefaultAccumulatorBits;
        if (w < MinBits || w > MaxOperandBits || a < MinBits || a > MaxOperandBits)
        {
            error = $"precision '{text}': weight and activation bits must be between {MinBits} and {MaxOperandBits}";
            return false;
        }

        if (acc > MaxAccumulatorBits || acc < w + a)
        {
            error = $"precision '{text}': the accumulator ({acc} bits) must hold one product ({w + a} bits) and be at most {MaxAccumulatorBits} bits";
            return false;
        }

        precision = new Precision(w, a, acc);
        error = string.Empty;
        return true;
    }

    [GeneratedRegex("^w(?<w>[0-9]{1,3})a(?<a>[0-9]{1,3})(acc(?<acc>[0-9]{1,3}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex SpecPattern();
}
