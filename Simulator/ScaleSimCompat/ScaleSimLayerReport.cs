namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>SRAM side of one operand in DETAILED_ACCESS_REPORT: first/last trace cycle with a valid address, accesses.</summary>
public sealed record SramAccess(long StartCycle, long StopCycle, long Accesses);

/// <summary>DRAM side of one operand: first/last DRAM trace cycle and words moved.</summary>
public sealed record DramAccess(long StartCycle, long StopCycle, long Accesses)
{
    /// <summary>SCALE-Sim's "Avg ... DRAM BW": words over the span of the operand's DRAM trace.</summary>
    public double AverageBandwidth => (double)Accesses / (StopCycle - StartCycle + 1);
}

/// <summary>
/// One SCALE-Sim layer's report rows (COMPUTE_REPORT, BANDWIDTH_REPORT, DETAILED_ACCESS_REPORT) as
/// SCALE-Sim v2 computes them. Percentages are in percent.
/// </summary>
public sealed record ScaleSimLayerReport(
    int LayerId,
    string LayerName,
    long TotalCycles,
    long StallCycles,
    double OverallUtilization,
    double MappingEfficiency,
    double ComputeUtilization,
    SramAccess IfmapSram,
    SramAccess FilterSram,
    SramAccess OfmapSram,
    DramAccess IfmapDram,
    DramAccess FilterDram,
    DramAccess OfmapDram)
{
    public double AverageIfmapSramBandwidth => (double)IfmapSram.Accesses / TotalCycles;

    public double AverageFilterSramBandwidth => (double)FilterSram.Accesses / TotalCycles;

    public double AverageOfmapSramBandwidth => (double)OfmapSram.Accesses / TotalCycles;
}
