namespace QuantSim.Simulator.Config;

/// <summary>The PE array: <see cref="Rows"/> x <see cref="Cols"/> processing elements.</summary>
public sealed record ArrayConfig(int Rows, int Cols, Dataflow Dataflow, TimingConvention Timing)
{
    /// <summary>Which flip-flops are clocked in a cycle; prices the clock, changes no cycle count.</summary>
    public ClockGating ClockGating { get; init; } = ClockGating.None;

    public int ProcessingElements => Rows * Cols;
}
