namespace QuantSim.Simulator.Config;

/// <summary>How fold timing is counted.</summary>
public enum TimingConvention
{
    /// <summary>QuantSim's own register-level microarchitecture (<c>native</c>).</summary>
    Native,

    /// <summary>SCALE-Sim v2's conventions (<c>scalesim</c>), for users reproducing its numbers.</summary>
    ScaleSim,
}
