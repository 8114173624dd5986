namespace QuantSim.Benchmarks.Growth;

/// <summary>A benchmark whose one operation simulates a known number of cycles (valid after setup).</summary>
public interface ISimulatedCycles
{
    long SimulatedCycles { get; }

    void Setup();
}
