namespace QuantSim.Simulator.Engine;

/// <summary>How the array's cycles are obtained.</summary>
public enum Fidelity
{
    /// <summary>Closed-form fold timing and events per fold (the default).</summary>
    Fast,

    /// <summary>
    /// Every PE register every cycle, with random integer operands; its cycle count must equal the
    /// fast engine's, and a difference is reported as a bug. Slow: for verification and small layers.
    /// </summary>
    Register,
}
