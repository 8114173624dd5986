namespace QuantSim.Simulator.ScaleSimCompat;

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
    SramAccessSpan IfmapSram,
    SramAccessSpan FilterSram,
    SramAccessSpan OfmapSram,
    DramAccessSpan IfmapDram,
    DramAccessSpan FilterDram,
    DramAccessSpan OfmapDram)
{
    public double AverageIfmapSramBandwidth => (double)IfmapSram.Accesses / TotalCycles;

    public double AverageFilterSramBandwidth => (double)FilterSram.Accesses / TotalCycles;

    public double AverageOfmapSramBandwidth => (double)OfmapSram.Accesses / TotalCycles;
}
