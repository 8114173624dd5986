namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>SRAM side of one operand in DETAILED_ACCESS_REPORT: first/last trace cycle with a valid address, accesses.</summary>
public sealed record SramAccessSpan(long StartCycle, long StopCycle, long Accesses);
