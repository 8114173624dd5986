using BenchmarkDotNet.Attributes;
using QuantSim.Simulator.Config.ScaleSim;
using QuantSim.Simulator.ScaleSimCompat;
using QuantSim.Workloads;

namespace QuantSim.Benchmarks.Growth;

/// <summary>
/// The exact SCALE-Sim v2 emulation (CALC mode, 64 kB SRAMs) on one GEMM of 10^4 .. 10^6 cycles
/// (<see cref="GrowthCase"/>) over array sizes 8x8 .. 256x256. CALC runs fold by fold, so its cost follows
/// the folds and the DRAM words (each miss stamps its address), and this GEMM's misses grow with M; past
/// 10^6 cycles its per-address table (one int per IFMAP word, M x K) outgrows this machine's share of
/// memory, so larger points are left out.
/// </summary>
[Config(typeof(SimulatedCyclesConfig))]
public class ScaleSimEmulationGrowthBenchmarks : ISimulatedCycles
{
    private ScaleSimConfig _config = null!;
    private Workload _workload = null!;

    [Params(4, 5, 6)]
    public int CyclesExponent { get; set; } = 4;

    [Params(8, 32, 256)]
    public int ArraySize { get; set; } = 32;

    public long SimulatedCycles { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _workload = new Workload("growth", [GrowthCase.Gemm(CyclesExponent)]);
        _config = ScaleSimConfigReader.Read("growth.cfg", $"""
            [general]
            run_name = growth
            [architecture_presets]
            ArrayHeight: {ArraySize}
            ArrayWidth: {ArraySize}
            IfmapSramSzkB: 64
            FilterSramSzkB: 64
            OfmapSramSzkB: 64
            IfmapOffset: 0
            FilterOffset: 10000000
            OfmapOffset: 20000000
            Bandwidth: 10
            Dataflow: os
            MemoryBanks: 1
            [run_presets]
            InterfaceBandwidth: CALC
            """);
        SimulatedCycles = Run();
    }

    [Benchmark]
    public long Run() => ScaleSimRunner.Run(_config, _workload).Layers.Sum(l => l.TotalCycles);
}
