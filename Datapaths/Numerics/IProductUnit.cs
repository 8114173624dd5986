namespace QuantSim.Datapaths.Numerics;

/// <summary>
/// The multiplier inside a PE: how one activation code times one weight code is formed. Every
/// implementation must return the exact integer product; they differ in the hardware that forms it
/// (one array multiplier, fused 2-bit bricks, or a bit-serial shift-add), which the tests check.
/// </summary>
public interface IProductUnit
{
    long Multiply(int activation, int weight);
}

/// <summary>A plain n x m array multiplier.</summary>
public sealed class ArrayMultiplier : IProductUnit
{
    public static ArrayMultiplier Instance { get; } = new();

    public long Multiply(int activation, int weight) => (long)activation * weight;
}
