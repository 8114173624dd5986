namespace QuantSim.Workloads.Onnx;

/// <summary>
/// How a float tensor of a QDQ graph was quantized: the integer type it was dequantized from and
/// whether its scale is one per tensor or one per channel (a scale with more than one element).
/// </summary>
internal sealed record OnnxQuantization(int Bits, int ElementType, bool PerChannel)
{
    public string Describe() => $"{OnnxElementType.Name(ElementType)} {(PerChannel ? "per-channel" : "per-tensor")}";
}
