namespace QuantSim.Simulator.Systolic;

/// <summary>
/// The one place a quantization datapath may change operands on their way into the array (e.g. to
/// subtract a zero point): each operand element is transformed once as it is staged for the array
/// edge, before any PE sees it. The PE itself stays a plain integer multiply-accumulate
/// (<c>acc + a * w</c>, 32-bit two's complement, wrapping), so the register-level loop stays
/// vectorized. Implementations must be pure functions of the value.
/// </summary>
public interface IOperandTransform
{
    /// <summary>An input activation (A of the GEMM) entering the array.</summary>
    int Activation(int value);

    /// <summary>A weight (B of the GEMM) entering the array.</summary>
    int Weight(int value);
}

/// <summary>Operands enter unchanged.</summary>
public sealed class IdentityOperands : IOperandTransform
{
    public static IdentityOperands Instance { get; } = new();

    public int Activation(int value) => value;

    public int Weight(int value) => value;
}
