namespace QuantSim.Workloads.Onnx;

/// <summary>An operator type of the graph that does no multiply-accumulates, and how many nodes of it there are.</summary>
public sealed record OnnxOperatorCount(string OpType, int Count);
