namespace QuantSim.Simulator.Timing;

/// <summary>
/// The native schedule's recurrence from one fold to the next (<see cref="NativeTiming"/>): what the
/// folds so far leave for the next one. <see cref="Stream"/>, <see cref="Load"/> and
/// <see cref="LastOutput"/> are the latest fold's times, <see cref="Latest"/> the latest output of any
/// fold so far.
/// <para>The recurrence is shift-invariant: moving the latest fold's stream and load cycles by d moves
/// every later fold by d. <see cref="Phase"/> is what remains once the shift is taken out; two clocks
/// in the same phase run the same folds with the same relative times, which is what lets
/// <see cref="NativeCycleCount"/> skip repeated folds.</para>
/// </summary>
internal readonly record struct FoldClock(long Stream, long Load, long LastOutput, long Latest, int UsedRows, int Time, bool Started)
{
    /// <summary>The recurrence's state without its shift: see the type's summary.</summary>
    public readonly record struct PhaseKey(long LoadLead, int UsedRows, int Time, bool Started);

    public PhaseKey Phase(bool outputStationary) => new(outputStationary ? 0 : Stream - Load, UsedRows, Time, Started);

    /// <summary>The next fold, of <paramref name="usedRows"/> x <paramref name="usedCols"/> PEs streaming <paramref name="time"/> cycles, on an R x C array.</summary>
    public FoldClock Next(int usedRows, int usedCols, int time, long rows, long cols, bool outputStationary)
    {
        long s, l, last;
        if (outputStationary)
        {
            l = -1;
            s = Started ? Stream + Math.Max(Time, UsedRows) : 0;
            last = s + time + usedRows + usedCols - 2;
        }
        else
        {
            l = Started ? Math.Max(Load + rows, Stream + cols - 1) : 0;
            s = Started ? Math.Max(Stream + Time, l + 1) : 1;
            last = s + time + rows + usedCols - 2;
        }

        return new FoldClock(s, l, last, Math.Max(Latest, last), usedRows, time, Started: true);
    }

    /// <summary>
    /// The clock <paramref name="cycles"/> later in the same phase. <see cref="Latest"/> is not moved: a
    /// caller that skips folds this way runs one more period after them, and each of its folds ends later
    /// than its counterpart in every period skipped.
    /// </summary>
    public FoldClock Shifted(long cycles, bool outputStationary) =>
        this with { Stream = Stream + cycles, Load = outputStationary ? Load : Load + cycles, LastOutput = LastOutput + cycles };
}
