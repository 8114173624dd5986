using QuantSim.Datapaths.Contract;

namespace QuantSim.Datapaths.Lsq;

/// <summary>
/// The <c>activations</c> option of the learned-scale variants (lsq, per-channel): unsigned codes
/// [0, 2^b−1] (default; LSQ's setting for post-ReLU activations) or signed codes [−2^(b−1), 2^(b−1)−1],
/// the "signed + symmetric" quantizer Bhalgat et al. (2020) compare LSQ+ with on Swish and h-swish
/// networks, whose activations go negative. An unsigned quantizer maps every negative value to 0; a signed
/// one keeps them and spends one code bit on the sign. The hardware is priced alike: the cost table prices a
/// multiplier by its operand widths, and a signed b_a-bit operand is as wide as an unsigned one.
/// </summary>
public static class ActivationSignOption
{
    public const string Key = "activations";
    public const string Unsigned = "unsigned";
    public const string Signed = "signed";

    public static DatapathOption Option { get; } = new(
        Key, [Unsigned, Signed], Unsigned,
        "unsigned: activation codes 0..2^b-1 (post-ReLU networks); signed: -2^(b-1)..2^(b-1)-1, for networks whose "
        + "activations go negative (h-swish, linear bottlenecks); priced alike")
    {
        ChangesHardware = false,
    };

    /// <summary>Whether the settings chose signed activation codes.</summary>
    public static bool IsSigned(DatapathSettings settings) => settings[Key] == Signed;
}
