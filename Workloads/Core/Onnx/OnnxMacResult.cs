using QuantSim.Workloads.Layers;

namespace QuantSim.Workloads.Onnx;

/// <summary>What one MAC node became: its output tensor, its layers, how its operands were quantized, and a note if the mapping chose something.</summary>
internal sealed record OnnxMacResult(OnnxTensor Output, IReadOnlyList<Layer> Layers, string Quantization, string? Note);
