using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;
using QuantSim.Simulator.Timing;

namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>
/// Fold times under SCALE-Sim's conventions, for the memory system: folds fully serialized, each
/// <see cref="ScaleSimTiming.FoldRows"/> long (WS/IS: R preload rows, then the stream), and each
/// group ending one cycle early so the layer totals SCALE-Sim's reported F x rows - 1 per group.
/// </summary>
public static class ScaleSimFoldSchedule
{
    public static FoldSchedule Of(ArrayMapping mapping)
    {
        long rows = ScaleSimTiming.FoldRows(mapping.Rows, mapping.Cols, mapping.T, mapping.Dataflow);
        long perGroup = mapping.FoldsPerGroup;
        long folds = mapping.Folds;
        var load = new long[folds];
        var stream = new long[folds];
        var last = new long[folds];
        bool stationary = mapping.Dataflow != Dataflow.OutputStationary;
        for (long f = 0; f < folds; f++)
        {
            long group = f / perGroup, local = f % perGroup;
            long start = group * (perGroup * rows - 1) + local * rows;
            load[f] = stationary ? start : -1;
            stream[f] = stationary ? start + mapping.Rows : start;
            last[f] = start + rows - 1 - (local == perGroup - 1 ? 1 : 0);
        }

        return new FoldSchedule(stream, load, last, ScaleSimTiming.Cycles(mapping));
    }
}
