using BenchmarkDotNet.Attributes;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Results;
using QuantSim.Workloads.Layers;

namespace QuantSim.Benchmarks;

/// <summary>
/// The fast engine on all 54 conv and FC layers of ResNet-50 on a 32x32 array, per dataflow and
/// timing convention. Layers/s = 54 / mean time.
/// </summary>
[MemoryDiagnoser]
public class FastEngineBenchmarks
{
    private IReadOnlyList<Layer> _layers = null!;
    private ArrayConfig _array = null!;

    [Params(Dataflow.OutputStationary, Dataflow.WeightStationary, Dataflow.InputStationary)]
    public Dataflow Dataflow { get; set; }

    [Params(TimingConvention.Native, TimingConvention.ScaleSim)]
    public TimingConvention Timing { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _layers = ResNet50Layers.All();
        _array = new ArrayConfig(32, 32, Dataflow, Timing);
    }

    [Benchmark]
    public long ResNet50AllLayers()
    {
        long cycles = 0;
        foreach (var layer in _layers)
        {
            cycles += LayerSimulator.Simulate(layer, _array, "resnet50").TotalCycles;
        }

        return cycles;
    }
}
