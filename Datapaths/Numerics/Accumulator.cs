namespace QuantSim.Datapaths.Numerics;

/// <summary>
/// The PE accumulator: a plain two's-complement adder and register of a fixed width, with no
/// saturation logic, so a sum that leaves the range wraps modulo 2^bits exactly as the hardware would.
/// An accumulator of b_w + b_a + ceil(log2 K) bits never wraps for a K-term dot product.
/// Wrapping (rather than saturating) also makes the folded zero-point algebra exact modulo 2^bits,
/// which is why the in-PE and folded scale-offset forms agree even on overflow.
/// </summary>
public static class Accumulator
{
    /// <summary>Reduces <paramref name="value"/> to a signed <paramref name="bits"/>-bit two's-complement value.</summary>
    public static long Wrap(long value, int bits)
    {
        if (bits is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "accumulator width must be 1..64 bits");
        }

        if (bits == 64)
        {
            return value;
        }

        int unused = 64 - bits;
        return (value << unused) >> unused;
    }

    /// <summary>Fewest signed bits that hold any K-term sum of products of the two operand ranges (QKeras rule).</summary>
    public static int WorstCaseBits(int productBits, long terms)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(terms, 1);
        int growth = 0;
        while ((1L << growth) < terms)
        {
            growth++;
        }

        return productBits + growth;
    }
}
