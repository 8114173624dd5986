using QuantSim.Datapaths.Numerics;

namespace QuantSim.Datapaths.Contract;

/// <summary>
/// The <c>rounding</c> option of the variants with a multiplier requantizer (lsq, per-channel,
/// scale-offset): the fixed-point requantizer (default) or ONNX Runtime's float32 requantization, so a
/// network can be scored with the integers ONNX Runtime's QLinearConv / QLinearMatMul produce. The inventory
/// prices each: the fixed-point lane's multiplier, rounding adder and shifter, or the float32 lane's fp32
/// multiplier and conversions (<see cref="Hardware.MultiplierRequantizer"/>).
/// </summary>
public static class RoundingOption
{
    public const string Key = "rounding";
    public const string FixedPoint = "fixed-point";
    public const string Float32HalfEven = "float32-half-even";

    public static DatapathOption Option { get; } = new(
        Key, [FixedPoint, Float32HalfEven], FixedPoint,
        "requantization: fixed-point = int32 multiplier + rounding shift, ties toward +inf (TFLite/gemmlowp); "
        + "float32-half-even = float32 factor s_in*s_w/s_out, round half to even, as ONNX Runtime's CPU kernels "
        + "(priced as an fp32 multiply and two conversions, each an fp32 add)");

    /// <summary>The rounding the settings chose.</summary>
    public static RequantizeRounding Of(DatapathSettings settings) =>
        settings[Key] == Float32HalfEven ? RequantizeRounding.Float32HalfEven : RequantizeRounding.FixedPoint;
}
