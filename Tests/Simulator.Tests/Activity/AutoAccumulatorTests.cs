using QuantSim.Simulator.Config;
using QuantSim.Simulator.Engine;
using QuantSim.Workloads;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Tests.Activity;

/// <summary>
/// <c>datapath.accumulator_bits: auto</c> end to end: read from YAML, each layer simulated and counted at the
/// accumulator its K needs (8 + 8 + ceil(log2 K)), a trace layer's own precision kept as written.
/// </summary>
public sealed class AutoAccumulatorTests
{
    private static string Yaml(string accumulator) => $$"""
        name: t
        clock_mhz: 1000
        array: { rows: 4, cols: 4, dataflow: os }
        buffers:
          ifmap: { capacity_kib: 64, word_bits: 8 }
          filter: { capacity_kib: 64, word_bits: 8 }
          ofmap: { capacity_kib: 64, word_bits: 32 }
        dram: { model: ideal }
        datapath: { kind: lsq, weight_bits: 8, activation_bits: 8, accumulator_bits: {{accumulator}} }
        technology: { cost_table: horowitz-45nm }
        """;

    [Test]
    public void Should_size_each_layer_and_keep_a_layer_that_brings_its_own_precision()
    {
        var config = AcceleratorConfigReader.Default.Read("auto.yaml", Yaml("auto"));
        var workload = new Workload("w",
        [
            new GemmLayer("k9", M: 8, N: 8, K: 9), // 8 + 8 + 4
            new GemmLayer("k300", M: 8, N: 8, K: 300), // 8 + 8 + 9
            new GemmLayer("own", M: 8, N: 8, K: 300) { Precision = new Precision(8, 8, 24) },
        ]);
        var result = AcceleratorSimulator.Run(config, workload);
        Assert.Multiple(() =>
        {
            Assert.That(config.Datapath.SizesAccumulators, Is.True);
            Assert.That(result.Layers.Select(l => l.Precision.AccumulatorBits), Is.EqualTo(new[] { 20, 25, 24 }));
            Assert.That(result.Layers[0].Activity.Counts[Simulator.Activity.ActivitySite.ProcessingElement, new Simulator.Activity.Mac(8, 8, 20)], Is.EqualTo(8 * 8 * 9));
        });
    }

    [Test]
    public void Should_refuse_a_word_other_than_auto_with_the_field_and_what_is_allowed()
    {
        var error = Assert.Throws<QuantSim.Input.InputException>(() => AcceleratorConfigReader.Default.Read("auto.yaml", Yaml("automatic")))!;
        Assert.That(error.Errors.Single().ToString(), Does.Contain("datapath.accumulator_bits").And.Contain("or auto"));
    }
}
