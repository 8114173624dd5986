using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;

namespace QuantSim.Simulator.Timing;

/// <summary>
/// <see cref="NativeTiming"/>'s total cycles without visiting every fold. The folds run in a loop
/// nest (<see cref="ArrayMapping.EnumerateFolds"/>): group, column fold, time tile, row fold; at each
/// level every iteration but the last is the same block of folds. A repeated block is run until its
/// <see cref="FoldClock.Phase"/> recurs; from then on every period of it advances the clock by the same
/// number of cycles, so all periods but the last are skipped in one step and the last is run, because
/// it holds the latest output. The recurrence settles fast: for OS the phase is the latest fold's shape,
/// so it recurs at the second period; for WS/IS the stream's lead over the load moves monotonically
/// towards a fixed point, by at least one cycle a fold, and that takes at most about R folds (it grows
/// by T - R a fold while below R - C + 1, or shrinks by R - T towards 1). So the cost depends on the
/// array's rows, not on the number of folds or cycles.
/// <see cref="NativeTiming.Schedule"/> visits every fold and is the reference the tests compare with.
/// </summary>
internal static class NativeCycleCount
{
    public static long Of(ArrayMapping mapping)
    {
        bool os = mapping.Dataflow == Dataflow.OutputStationary;
        long r = mapping.Rows, c = mapping.Cols;
        int lastTime = mapping.T - ((mapping.TimeTiles - 1) * mapping.TemporalTile);

        FoldClock RowFolds(FoldClock clock, int cols, int time) =>
            Repeat(clock, mapping.RowFolds - 1, os, k => k.Next(mapping.Rows, cols, time, r, c, os))
                .Next(mapping.LastFoldRows, cols, time, r, c, os);

        FoldClock TimeTiles(FoldClock clock, int cols) =>
            RowFolds(Repeat(clock, mapping.TimeTiles - 1, os, k => RowFolds(k, cols, mapping.TemporalTile)), cols, lastTime);

        FoldClock ColumnFolds(FoldClock clock) =>
            TimeTiles(Repeat(clock, mapping.ColFolds - 1, os, k => TimeTiles(k, mapping.Cols)), mapping.LastFoldCols);

        return Repeat(default, mapping.Problem.Groups, os, ColumnFolds).Latest + 1;
    }

    /// <summary>The clock after <paramref name="times"/> runs of <paramref name="block"/>.</summary>
    private static FoldClock Repeat(FoldClock clock, long times, bool os, Func<FoldClock, FoldClock> block)
    {
        var seen = new Dictionary<FoldClock.PhaseKey, (long Run, long Stream)>();
        for (long run = 0; run < times; run++)
        {
            var phase = clock.Phase(os);
            if (seen.TryGetValue(phase, out var earlier))
            {
                long period = run - earlier.Run;
                long skipped = ((times - run) / period) - 1;
                if (skipped > 0)
                {
                    clock = clock.Shifted(skipped * (clock.Stream - earlier.Stream), os);
                    run += skipped * period;
                }

                for (; run < times; run++)
                {
                    clock = block(clock);
                }

                return clock;
            }

            seen.Add(phase, (run, clock.Stream));
            clock = block(clock);
        }

        return clock;
    }
}
