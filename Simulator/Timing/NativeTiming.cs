using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;

namespace QuantSim.Simulator.Timing;

/// <summary>
/// The fast engine: cycle count of a mapped layer on QuantSim's own microarchitecture, in closed form
/// per fold, without moving data. It equals the register-level array
/// (<see cref="Systolic.RegisterArray"/>) cycle for cycle; the randomized tests prove it.
/// Cycles are numbered from 0 (first cycle any operand moves); the count runs up to and including
/// the cycle in which the last output leaves the bottom edge.
///
/// <para><b>Output-stationary.</b> Fold f streams k = 0..T-1 from cycle s_f (A into row i at
/// s_f+k+i, B into column j at s_f+k+j), so PE(i,j) does its k-th MAC at s_f+k+i+j:</para>
/// <code>
///  fill (Ru+Cu-2) | steady state (T) ........ | 1 (output read)
///  cycle s_f ..... last MAC of PE(Ru-1,Cu-1) at s_f+T+Ru+Cu-3, read out at s_f+T+Ru+Cu-2
///
///  next fold: s_{f+1} = s_f + max(T_f, Ru_f)          (T_f: this fold's streamed length, T or its time tile)
///     T_f  : the edges inject the next fold right behind this one (the accumulator restarts
///            on the 'first' flag that travels with k = 0, so fill of f+1 overlaps drain of f)
///     Ru_f : column j's output port reads rows 0..Ru_f-1 on consecutive cycles
///            (s_f+T+j .. s_f+T+Ru_f-1+j); the next fold's burst must start after it
/// </code>
/// <para><b>Weight-/input-stationary.</b> The stationary tile is double-buffered: a shadow register
/// per PE is written one array row per cycle over a column load bus (R cycles per tile, zero-padded),
/// and a PE copies shadow to active when the first streamed operand of a fold (which carries a swap
/// flag) reaches it, at s_f+i+j. Partial sums ripple down all R rows and leave column j's bottom one
/// cycle after row R-1 computed them.</para>
/// <code>
///  L_0 = 0, s_0 = 1                      row i of tile 0 is written at cycle i, used from cycle 1+i
///  L_f = max(L_{f-1} + R,                load bus busy with the previous tile
///            s_{f-1} + C - 1)            row i's shadow is free once PE(i,C-1) swapped at s_{f-1}+i+C-1
///  s_f = max(s_{f-1} + T_{f-1},          the row edges are busy streaming the previous fold
///            L_f + 1)                    row i is loaded at L_f+i, its first operand arrives at s_f+i
///  last output of fold f leaves at  s_f + (T-1) + (R-1) + (Cu_f-1) + 1
///        preload (hidden except 1 cycle) | steady state T | psum ripple R | column skew Cu-1
/// </code>
/// <para>Total cycles = 1 + max over folds of the cycle the fold's last output leaves.</para>
/// </summary>
public static class NativeTiming
{
    /// <summary>Per-fold schedule and total cycles of a mapping, fold by fold (what the memory system times its transfers by).</summary>
    public static FoldSchedule Schedule(ArrayMapping mapping)
    {
        long folds = mapping.Folds;
        var streamStart = new long[folds];
        var loadStart = new long[folds];
        var lastOutput = new long[folds];
        bool outputStationary = mapping.Dataflow == Dataflow.OutputStationary;
        var clock = default(FoldClock);
        long f = 0;
        foreach (var fold in mapping.EnumerateFolds())
        {
            clock = clock.Next(fold.UsedRows, fold.UsedCols, fold.UsedTime, mapping.Rows, mapping.Cols, outputStationary);
            streamStart[f] = clock.Stream;
            loadStart[f] = clock.Load;
            lastOutput[f] = clock.LastOutput;
            f++;
        }

        return new FoldSchedule(streamStart, loadStart, lastOutput, clock.Latest + 1);
    }

    /// <summary>
    /// Total cycles of a mapping, equal to <see cref="Schedule"/>'s, at a cost that does not grow with
    /// the folds (<see cref="NativeCycleCount"/>).
    /// </summary>
    public static long Cycles(ArrayMapping mapping) => NativeCycleCount.Of(mapping);
}
