namespace QuantSim.Datapaths.Contract;

/// <summary>Why a precision does not fit a variant; <see cref="Field"/> is the config key at fault.</summary>
public sealed record PrecisionProblem(string Field, string Message)
{
    public const string WeightBits = "weight_bits";
    public const string ActivationBits = "activation_bits";
    public const string AccumulatorBits = "accumulator_bits";
}
