namespace QuantSim.Workloads.Traces;

/// <summary>The two shapes of a SCALE-Sim v2 topology CSV (its <c>-i conv|gemm</c> switch).</summary>
public enum ScaleSimForm
{
    /// <summary>Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides.</summary>
    Conv,

    /// <summary>Layer, M, N, K.</summary>
    Gemm,
}
