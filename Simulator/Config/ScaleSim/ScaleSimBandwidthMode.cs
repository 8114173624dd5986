namespace QuantSim.Simulator.Config.ScaleSim;

/// <summary>SCALE-Sim's <c>InterfaceBandwidth</c>.</summary>
public enum ScaleSimBandwidthMode
{
    /// <summary>CALC: stall-free by construction; DRAM traffic is only reported.</summary>
    Calc,

    /// <summary>USER: the first <c>Bandwidth</c> value, in words per cycle, limits every operand.</summary>
    User,
}
