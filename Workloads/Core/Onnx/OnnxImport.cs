using System.Collections.Immutable;

namespace QuantSim.Workloads.Onnx;

/// <summary>
/// An ONNX model read as a workload: the layers of its MAC operators, the operators that do no MACs
/// (so nothing is dropped silently), where each layer came from, and the choices the importer made
/// that a reader should know (a symbolic dimension taken as 1, an asymmetric padding represented).
/// </summary>
public sealed record OnnxImport(
    Workload Workload,
    ImmutableArray<OnnxLayerOrigin> Origins,
    ImmutableArray<OnnxOperatorCount> OperatorsWithoutMacs,
    ImmutableArray<string> Notes);
