using BenchmarkDotNet.Attributes;
using QuantSim.Simulator.Config.ScaleSim;
using QuantSim.Simulator.ScaleSimCompat;
using QuantSim.Workloads;
using QuantSim.Workloads.Traces;

namespace QuantSim.Benchmarks;

/// <summary>
/// SCALE-Sim v2 compatibility mode on AlexNet (SCALE-Sim's shipped topology and 32x32 configs). For
/// scale: SCALE-Sim v2 itself takes 270-360 s and about 2 GB for the five conv layers on 32x32.
/// </summary>
[MemoryDiagnoser]
public class ScaleSimCompatBenchmarks
{
    private const string Topology = """
        Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,
        Conv1     ,224         ,224        ,11           ,11          ,3       ,96        ,4      ,
        Conv2     ,27         ,27        ,5            ,5           ,96      ,256       ,1      ,
        Conv3     ,13          ,13         ,3            ,3           ,256     ,384       ,1      ,
        Conv4     ,13          ,13         ,3            ,3           ,384     ,384       ,1      ,
        Conv5     ,13          ,13         ,3            ,3           ,384     ,256       ,1      ,

        """;

    private Workload alexnet = null!;
    private Workload conv1 = null!;

    [Params("os", "ws")]
    public string Dataflow { get; set; } = "os";

    [GlobalSetup]
    public void Setup()
    {
        alexnet = ScaleSimTopologyReader.Read("alexnet.csv", Topology, "alexnet");
        conv1 = alexnet with { Layers = [alexnet.Layers[0]] };
    }

    [Benchmark(Description = "AlexNet conv1, 32x32, CALC")]
    public ScaleSimReport Conv1Calc() => ScaleSimRunner.Run(Config("CALC"), conv1);

    [Benchmark(Description = "AlexNet conv1, 32x32, USER bandwidth 10")]
    public ScaleSimReport Conv1User() => ScaleSimRunner.Run(Config("USER"), conv1);

    [Benchmark(Description = "AlexNet conv1-conv5, 32x32, CALC")]
    public ScaleSimReport AlexNetCalc() => ScaleSimRunner.Run(Config("CALC"), alexnet);

    private ScaleSimConfig Config(string mode) => ScaleSimConfigReader.Read("scale.cfg", $"""
        [general]
        run_name = bench
        [architecture_presets]
        ArrayHeight: 32
        ArrayWidth: 32
        IfmapSramSzkB: 64
        FilterSramSzkB: 64
        OfmapSramSzkB: 64
        IfmapOffset: 0
        FilterOffset: 10000000
        OfmapOffset: 20000000
        Bandwidth: 10
        Dataflow: {Dataflow}
        MemoryBanks: 1
        [run_presets]
        InterfaceBandwidth: {mode}
        """);
}
