namespace QuantSim.Energy.Costs;

/// <summary>
/// The size measure a logic family's energy and area are linear in, between the table's points.
/// Which law a family follows is written in the table next to its source.
/// </summary>
public enum ScalingLaw
{
    /// <summary>Linear in the width n (adders, comparators).</summary>
    Linear,

    /// <summary>Linear in the product of the operand widths a*b (array multipliers).</summary>
    Product,

    /// <summary>Linear in n*log2(n) (barrel shifters: log2 n stages of n muxes).</summary>
    NLog2N,
}

internal static class ScalingLaws
{
    public static double Size(ScalingLaw law, int a, int b) => law switch
    {
        ScalingLaw.Linear => a,
        ScalingLaw.Product => (double)a * b,
        ScalingLaw.NLog2N => a <= 1 ? 0 : a * Math.Log2(a),
        _ => throw new ArgumentOutOfRangeException(nameof(law), law, null),
    };

    public static string Describe(ScalingLaw law, int a, int b) =>
        law == ScalingLaw.Product ? $"{a} x {b} bits" : $"{a} bits";
}
