namespace QuantSim.Simulator.Activity;

/// <summary>
/// Where in the accelerator an action happens. The same action (say a 32-bit add) is an offset
/// correction when it runs in every PE and a bias add when it runs once per output, and the same
/// register write is a PE's own partial sum or an operand passed to the neighbouring PE; the energy
/// breakdown must tell those apart.
/// </summary>
public enum ActivitySite
{
    /// <summary>Inside a processing element of the array: MACs, operand and partial-sum registers, the PE clock.</summary>
    ProcessingElement,

    /// <summary>Between processing elements: operands and flags moving to the neighbour, stationary operands loaded.</summary>
    Forwarding,

    /// <summary>The per-output datapath after the array and the array-edge units: rescale, offset correction, rounding, clamp.</summary>
    OutputStage,

    /// <summary>Quantization parameters: fetched from DRAM, held in a buffer, loaded into the output lanes' registers.</summary>
    Parameters,

    /// <summary>The on-chip buffers and the off-chip DRAM.</summary>
    Memory,
}
