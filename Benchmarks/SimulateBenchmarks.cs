using BenchmarkDotNet.Attributes;
using QuantSim.Energy.Pricing;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Engine;
using QuantSim.Workloads;
using QuantSim.Workloads.Zoo;

namespace QuantSim.Benchmarks;

/// <summary>
/// What <c>quantsim simulate</c> does, without the console and files: a whole zoo network on a
/// 32x32 array in fast mode with the memory system, under each DRAM model, then priced by the
/// energy model. The config is the shipped default (32x32 WS, LPDDR4-3200 timing model) with the
/// DRAM swapped per parameter.
/// </summary>
[MemoryDiagnoser]
public class SimulateBenchmarks
{
    private AcceleratorConfig _config = null!;
    private Workload _workload = null!;

    [Params("alexnet", "resnet18", "resnet50")]
    public string Network { get; set; } = "resnet18";

    [Params("timing", "simple")]
    public string Dram { get; set; } = "timing";

    [GlobalSetup]
    public void Setup()
    {
        string file = Path.Combine(AppContext.BaseDirectory, "accel-configs", "default.yaml");
        var config = AcceleratorConfigReader.Default.ReadFile(file);
        _config = Dram == "timing" ? config : config with { Dram = new BandwidthDramConfig(12.8m, 100, 64) };
        _workload = ModelZoo.TryGet(Network, out var workload) ? workload : throw new ArgumentException(Network);
    }

    [Benchmark]
    public long Simulate() => AcceleratorSimulator.Run(_config, _workload).TotalCycles;

    [Benchmark]
    public decimal SimulateAndPrice() => SimulationPricer.Price(AcceleratorSimulator.Run(_config, _workload)).Energy.TotalPj;
}
