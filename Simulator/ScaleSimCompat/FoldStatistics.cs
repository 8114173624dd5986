using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;

namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>
/// What SCALE-Sim's compute classes count while building demand matrices, fold by fold:
/// SRAM accesses (real elements only; OS adds R + C per fold to the OFMAP writes, issue #166), and the
/// per-fold mapping efficiency (used PEs / R*C) and compute utilization (used PEs * T / (R*C * fold
/// cycles)), averaged in fold order like Python's <c>sum(list) / len(list)</c>. The fold cycles are
/// T + R + C - 2 for OS and 2R + 2C + T - 3 for WS/IS (one column skew more than the fold lasts).
/// </summary>
internal sealed class FoldStatistics(ArrayMapping mapping)
{
    private double mappingSum;
    private double computeSum;
    private long folds;

    public long IfmapReads { get; private set; }

    public long FilterReads { get; private set; }

    public long OfmapWrites { get; private set; }

    public double MappingEfficiency => mappingSum / folds;

    public double ComputeUtilization => computeSum / folds;

    public void Add(Fold fold)
    {
        long r = mapping.Rows, c = mapping.Cols, t = mapping.T;
        long ru = fold.UsedRows, cu = fold.UsedCols;
        long cycles;
        switch (mapping.Dataflow)
        {
            case Dataflow.OutputStationary:
                IfmapReads += t * ru;
                FilterReads += t * cu;
                OfmapWrites += (ru * cu) + r + c;
                cycles = t + r + c - 2;
                break;
            case Dataflow.WeightStationary:
                IfmapReads += t * ru;
                FilterReads += ru * cu;
                OfmapWrites += t * cu;
                cycles = (2 * r) + (2 * c) + t - 3;
                break;
            default:
                IfmapReads += ru * cu;
                FilterReads += t * ru;
                OfmapWrites += t * cu;
                cycles = (2 * r) + (2 * c) + t - 3;
                break;
        }

        long used = ru * cu;
        mappingSum += (double)used / (r * c);
        computeSum += (double)(used * t) / (r * c * cycles);
        folds++;
    }
}
