namespace QuantSim.Datapaths.Contract;

/// <summary>
/// Why a precision or an option value does not fit a variant; <see cref="Field"/> is the config key
/// under <c>datapath:</c> at fault (a bit width or an option).
/// </summary>
public sealed record DatapathProblem(string Field, string Message)
{
    public const string WeightBits = "weight_bits";
    public const string ActivationBits = "activation_bits";
    public const string AccumulatorBits = "accumulator_bits";
}
