namespace QuantSim.Datapaths.Tests.OnnxRuntimeReference;

/// <summary>
/// The quantization parameters of one QLinear node as ONNX stores them (float32 scales, uint8 activation
/// zero points; int8 weights with zero point 0, one scale or one per output channel).
/// </summary>
internal sealed record QLinearOperands(float InputScale, int InputZeroPoint, float[] WeightScales, float OutputScale, int OutputZeroPoint);
