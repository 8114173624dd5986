using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;
using QuantSim.Simulator.Timing;

namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>
/// <c>timing: scalesim</c>: the compute cycles SCALE-Sim v2 (commit 22f88b1) reports in
/// COMPUTE_REPORT.csv "Total Cycles" with ideal bandwidth (CALC mode, stall cycles 0). Read off its
/// demand-matrix construction (<c>systolic_compute_{os,ws,is}.py</c>):
/// <code>
///  fold rows   OS: T + R + C - 2              (skewed K-stream; no preload, no output drain)
///              WS/IS: 2R + C + T - 2          (R weight/input load rows, R-1 psum ripple, T, C-1 skew)
///  folds       F = ceil(Sr/R) * ceil(Sc/C)    partial folds padded: they cost a full fold
///  reported    F * fold rows - 1              0-based index of the last cycle, folds serialized
/// </code>
/// Differences from <see cref="NativeTiming"/> (also in Simulator/TIMING.md):
/// <code>
///  item                  native (register-level microarchitecture)     scalesim
///  count                 number of cycles, 0 .. last output inclusive   index of last cycle (count - 1)
///  partial fold          charges only used rows/cols (OS) / used cols   charged as a full R x C fold
///  fold overlap          next fold streams right behind this one        none: folds fully serialized
///  OS output             read out the cycle after the last MAC          written in the cycle of the last MAC
///  WS/IS preload         double-buffered, hidden (1 cycle exposed)      R cycles per fold, not overlapped
///  WS/IS psum path       through all R rows + 1 read-out cycle          R - 1 ripple, no read-out cycle
///  grouped conv          groups are further folds of one layer          each group a separate layer (own -1)
///  conv output size      floor((H+2P-R')/S) + 1                        ceil((H+2P-R'+S)/S)
/// </code>
/// </summary>
public static class ScaleSimTiming
{
    /// <summary>Rows of SCALE-Sim's demand matrices for one fold.</summary>
    public static long FoldRows(int rows, int cols, int t, Dataflow dataflow) => dataflow switch
    {
        Dataflow.OutputStationary => (long)t + rows + cols - 2,
        Dataflow.WeightStationary or Dataflow.InputStationary => 2L * rows + cols + t - 2,
        _ => throw new ArgumentOutOfRangeException(nameof(dataflow), dataflow, "Unknown dataflow."),
    };

    /// <summary>
    /// SCALE-Sim's reported Total Cycles for one mapped problem: per group F * FoldRows - 1 (each group
    /// counts as one SCALE-Sim layer, as its depthwise expansion does).
    /// </summary>
    public static long Cycles(ArrayMapping mapping) =>
        mapping.Problem.Groups * (mapping.FoldsPerGroup * FoldRows(mapping.Rows, mapping.Cols, mapping.T, mapping.Dataflow) - 1);

    /// <summary>
    /// SCALE-Sim's "Compute Util %" / 100, as its compute classes average it fold by fold
    /// (<see cref="FoldStatistics"/>).
    /// </summary>
    public static double ComputeUtilization(ArrayMapping mapping)
    {
        var statistics = new FoldStatistics(mapping);
        foreach (var fold in mapping.EnumerateFolds())
        {
            statistics.Add(fold);
        }

        return statistics.ComputeUtilization;
    }
}
