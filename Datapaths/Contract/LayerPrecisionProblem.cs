namespace QuantSim.Datapaths.Contract;

/// <summary>Why a workload layer's precision does not fit the configured datapath.</summary>
public sealed record LayerPrecisionProblem(string Layer, string Field, string Message);
