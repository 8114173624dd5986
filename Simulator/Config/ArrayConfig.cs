namespace QuantSim.Simulator.Config;

/// <summary>The PE array: <see cref="Rows"/> x <see cref="Cols"/> processing elements.</summary>
public sealed record ArrayConfig(int Rows, int Cols, Dataflow Dataflow, TimingConvention Timing)
{
    public int ProcessingElements => Rows * Cols;
}
