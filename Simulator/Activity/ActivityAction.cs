using System.Globalization;

namespace QuantSim.Simulator.Activity;

/// <summary>
/// One kind of work the simulated hardware does, with the bit widths that set its price. The
/// simulator counts actions; the energy model prices them from a cost table. Actions are values:
/// two actions with the same kind and widths are equal, and they sort by <see cref="SortKey"/> so
/// every listing of counts comes out in the same order on every run.
/// </summary>
public abstract record ActivityAction : IComparable<ActivityAction>
{
    /// <summary>Stable text such as <c>mac(a8,w8,acc32,fixed)</c>; also the ordering key.</summary>
    public abstract string SortKey { get; }

    public int CompareTo(ActivityAction? other) =>
        other is null ? 1 : string.CompareOrdinal(SortKey, other.SortKey);

    public sealed override string ToString() => SortKey;

    private protected static string Bits(int bits) => bits.ToString(CultureInfo.InvariantCulture);

    private protected static void RequireBits(int bits, string name)
    {
        if (bits < 1)
        {
            throw new ArgumentOutOfRangeException(name, bits, "A bit width must be at least 1.");
        }
    }
}
