using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;

namespace QuantSim.Simulator.Results;

/// <summary>
/// Words crossing each array edge during a layer (real operands only; zero padding of partial folds
/// is not counted). The memory model turns these into SRAM accesses.
/// <code>
///  edge                 OS             WS                     IS
///  Left   (streamed)    A (ifmap)      A (ifmap)              B (filter)
///  Top    (in)          B streamed     B preloaded (tile)     A preloaded (tile)
///  Bottom (out)         C, once each   C partial sums, once   C partial sums, once
///                                      per row (K) fold        per row (K) fold
///  PartialSumReads      0              partial sums read back from the output buffer to accumulate
///                                      the 2nd .. last row fold: (row folds - 1) x M x N
/// </code>
/// </summary>
public sealed record EdgeTraffic(Dataflow Dataflow, long Left, long Top, long Bottom, long PartialSumReads)
{
    /// <summary>Ifmap (A) words fed to the array.</summary>
    public long IfmapWords => Dataflow == Dataflow.InputStationary ? Top : Left;

    /// <summary>Filter (B) words fed to the array.</summary>
    public long FilterWords => Dataflow == Dataflow.InputStationary ? Left : Top;

    /// <summary>Output (or partial-sum) words leaving the array.</summary>
    public long OutputWords => Bottom;

    /// <summary>
    /// Closed form over all folds: per group, the used rows of all folds sum to ColFolds * Sr, the
    /// used columns to RowFolds * Sc and the used PEs to Sr * Sc.
    /// </summary>
    public static EdgeTraffic Of(ArrayMapping m)
    {
        long g = m.Problem.Groups, sr = m.Sr, sc = m.Sc, t = m.T;
        return m.Dataflow == Dataflow.OutputStationary
            ? new EdgeTraffic(m.Dataflow, g * m.ColFolds * sr * t, g * m.RowFolds * sc * t, g * sr * sc, 0)
            : new EdgeTraffic(m.Dataflow, g * m.ColFolds * sr * t, g * sr * sc, g * m.RowFolds * sc * t, g * (m.RowFolds - 1) * sc * t);
    }
}
