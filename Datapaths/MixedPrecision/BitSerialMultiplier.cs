using QuantSim.Datapaths.Numerics;

namespace QuantSim.Datapaths.MixedPrecision;

/// <summary>
/// A product formed bit-serially over the activation, one bit per cycle (Stripes, Judd et al.,
/// MICRO 2016): acc = 2·acc ± (bit ? w : 0) from the most significant bit down, the top bit of a
/// signed activation weighing −2^(b−1). A b_a-bit activation takes b_a cycles.
/// </summary>
public sealed class BitSerialMultiplier(int activationBits, bool activationSigned) : IProductUnit
{
    public int CyclesPerProduct => activationBits;

    public long Multiply(int activation, int weight)
    {
        long acc = 0;
        for (int bit = activationBits - 1; bit >= 0; bit--)
        {
            bool set = ((activation >> bit) & 1) == 1;
            long partial = set ? weight : 0;
            acc = 2 * acc + (activationSigned && bit == activationBits - 1 ? -partial : partial);
        }

        return acc;
    }
}
