using QuantSim.Datapaths.Numerics;

namespace QuantSim.Datapaths.MixedPrecision;

/// <summary>
/// A product formed the Bit Fusion way (Sharma et al., ISCA 2018): each operand is split into 2-bit
/// bricks, x = Σ_i brick_i·4^i, where every brick is unsigned except the top brick of a signed operand
/// (two's complement, value −2..1). Each pair of bricks is one BitBrick multiply (3-bit sign-extended
/// operands), and the partial products are shifted by 2(i+j) and summed. At b_w x b_a bits that is
/// (b_w/2)·(b_a/2) BitBricks, so a 16-brick fusion unit completes 16/((b_w/2)(b_a/2)) products per cycle.
/// </summary>
public sealed class BitFusionMultiplier(int activationBits, bool activationSigned, int weightBits, bool weightSigned) : IProductUnit
{
    public const int BrickBits = 2;

    /// <summary>BitBrick multiplies per product.</summary>
    public int BricksPerProduct => Bricks(activationBits) * Bricks(weightBits);

    public long Multiply(int activation, int weight)
    {
        int aBricks = Bricks(activationBits), wBricks = Bricks(weightBits);
        long sum = 0;
        for (int i = 0; i < aBricks; i++)
        {
            int a = Brick(activation, i, aBricks, activationSigned);
            for (int j = 0; j < wBricks; j++)
            {
                int w = Brick(weight, j, wBricks, weightSigned);
                sum += (long)(a * w) << (BrickBits * (i + j));
            }
        }

        return sum;
    }

    public static int Bricks(int bits) => (bits + BrickBits - 1) / BrickBits;

    private static int Brick(int value, int index, int count, bool signed)
    {
        int brick = (value >> (BrickBits * index)) & 0b11;
        // The top brick of a signed operand holds the sign: 2-bit two's complement.
        return signed && index == count - 1 && brick >= 2 ? brick - 4 : brick;
    }
}
