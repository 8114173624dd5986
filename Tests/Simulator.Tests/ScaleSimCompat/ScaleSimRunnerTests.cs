using QuantSim.Simulator.Config.ScaleSim;
using QuantSim.Simulator.ScaleSimCompat;
using QuantSim.Workloads.Traces;

namespace QuantSim.Simulator.Tests.ScaleSimCompat;

/// <summary>How <see cref="ScaleSimRunner"/> turns topology rows into SCALE-Sim layers.</summary>
[TestFixture]
public sealed class ScaleSimRunnerTests
{
    private const string Config = """
        [general]
        run_name = dw
        [architecture_presets]
        ArrayHeight: 8
        ArrayWidth: 8
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
        """;

    private const string Header = "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,\n";

    [Test]
    public void Should_expand_a_depthwise_row_into_one_single_channel_layer_per_channel()
    {
        // Given a depthwise row ("DP" in the name) with 3 channels, and the same layer with 1 channel
        var config = ScaleSimConfigReader.Read("dw.cfg", Config);
        var depthwise = ScaleSimTopologyReader.Read("dw.csv", Header + "DPconv,7,7,3,3,3,1,2,\n", "dw");
        var single = ScaleSimTopologyReader.Read("one.csv", Header + "conv,7,7,3,3,1,1,2,\n", "one");

        // When both are run
        var expanded = ScaleSimRunner.Run(config, depthwise);
        var reference = ScaleSimRunner.Run(config, single).Layers.Single();

        // Then, as SCALE-Sim's topology_utils does, the depthwise row becomes 3 layers (IDs 0, 1, 2),
        // each reporting exactly what the 1-channel layer reports on its own
        Assert.That(expanded.Layers.Select(l => l.LayerId), Is.EqualTo(new[] { 0, 1, 2 }));
        Assert.That(expanded.Layers.Select(l => l with { LayerId = 0, LayerName = reference.LayerName }), Has.All.EqualTo(reference));
    }
}
