namespace QuantSim.Datapaths.Numerics;

/// <summary>How many scales (and zero points) a tensor carries.</summary>
public enum Granularity
{
    /// <summary>One scale for the whole tensor.</summary>
    PerTensor,

    /// <summary>One scale per output channel (weights only).</summary>
    PerChannel,
}
