namespace QuantSim.Datapaths.Numerics;

/// <summary>
/// The PE's accumulate step: how a product (as <see cref="IProductUnit.Multiply"/> returned it) is added into
/// the accumulator register. An integer PE wraps the sum modulo 2^A (<see cref="WrappingAccumulator"/>); a
/// floating-point PE adds in its accumulate format with rounding (<see cref="FloatMacUnit"/>), its register
/// holding the bit pattern.
/// </summary>
public interface IAccumulateUnit
{
    /// <summary>The accumulator after adding <paramref name="product"/> to <paramref name="accumulator"/>.</summary>
    long Accumulate(long accumulator, long product);
}

/// <summary>The two's-complement accumulator of <see cref="Accumulator"/>: exact sum, wrapped to <see cref="Bits"/>.</summary>
public sealed record WrappingAccumulator(int Bits) : IAccumulateUnit
{
    public long Accumulate(long accumulator, long product) => Accumulator.Wrap(accumulator + product, Bits);
}
