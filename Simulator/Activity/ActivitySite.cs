namespace QuantSim.Simulator.Activity;

/// <summary>
/// Where in the accelerator an action happens. The same action (say a 32-bit add) is an offset
/// correction when it runs in every PE and a bias add when it runs once per output, and the energy
/// breakdown must tell those apart.
/// </summary>
public enum ActivitySite
{
    /// <summary>Inside a processing element of the array: MACs, operand and partial-sum registers.</summary>
    ProcessingElement,

    /// <summary>The per-output datapath after the array: rescale, offset correction, rounding, clamp.</summary>
    OutputStage,

    /// <summary>The on-chip buffers and the off-chip DRAM.</summary>
    Memory,
}
