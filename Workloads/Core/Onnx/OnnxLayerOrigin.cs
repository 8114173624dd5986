namespace QuantSim.Workloads.Onnx;

/// <summary>Which ONNX node a layer came from and how its operands were quantized (empty when float).</summary>
public sealed record OnnxLayerOrigin(string Layer, string Node, string OpType, string Quantization);
