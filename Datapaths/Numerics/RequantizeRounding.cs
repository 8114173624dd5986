namespace QuantSim.Datapaths.Numerics;

/// <summary>How an output stage turns a corrected accumulator into an output code.</summary>
public enum RequantizeRounding
{
    /// <summary>
    /// int32 multiplier M0 and a rounding right shift, ties toward +∞ (TFLite/gemmlowp single rounding,
    /// <see cref="FixedPointMultiplier"/>): integers only, what the priced requantizer computes.
    /// </summary>
    FixedPoint,

    /// <summary>
    /// ONNX Runtime's CPU requantization: the float32 factor s_in·s_w/s_out, a float32 multiply, round
    /// half to even, add the zero point, saturate (<see cref="Float32OutputStage"/>).
    /// </summary>
    Float32HalfEven,
}
