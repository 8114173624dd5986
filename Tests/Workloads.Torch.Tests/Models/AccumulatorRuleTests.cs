using System.Collections.Immutable;
using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.ScaleOffset;
using QuantSim.Workloads.Layers;
using QuantSim.Workloads.Torch.Models;
using QuantSim.Workloads.Torch.Quantization;

namespace QuantSim.Workloads.Torch.Tests.Models;

/// <summary>
/// The accuracy path's integer kernels and <c>simulate</c> use one accumulator width per layer: the
/// precisions <see cref="QuantizationConfig.BitsFor"/> gives (what <c>IntegerExporter</c> builds each
/// kernel at) are the ones <see cref="DatapathChoice.For"/> gives the same layers of the simulator's workload.
/// </summary>
public sealed class AccumulatorRuleTests
{
    private static DatapathChoice DequantizeInPe(Precision precision, bool auto) =>
        DatapathChoice.Of(new ScaleOffsetDatapath(), precision, new Dictionary<string, string> { ["form"] = "dequantize-in-pe", ["dequant_bits"] = "16" })
            with { SizesAccumulators = auto };

    [TestCase(8, true)]
    [TestCase(4, true)]
    [TestCase(8, false)]
    public void Should_give_every_layer_the_width_simulate_gives_it(int bits, bool auto)
    {
        // Given every layer at the choice's precision (FirstLastBits = null: what `accuracy --precision` builds)
        var precision = new Precision(bits, bits, 32);
        var choice = DequantizeInPe(precision, auto);
        var config = new QuantizationConfig(choice) { FirstLastBits = null };
        var accuracy = config.BitsFor(ModelArchitecture.LeNet5);
        var simulated = ModelArchitecture.LeNet5.ToWorkload().Layers.Select(choice.For).ToList();

        Assert.That(accuracy, Is.EqualTo(simulated));
        // By hand (auto): 2 x 16 + ceil(log2 K) for K = 25, 150, 400, 120, 84; fixed: the configured 32
        Assert.That(accuracy.Select(p => p.AccumulatorBits), Is.EqualTo(auto ? new[] { 37, 40, 41, 39, 39 } : new[] { 32, 32, 32, 32, 32 }));
    }

    [Test]
    public void Should_size_edge_layers_at_their_own_operand_bits_and_keep_a_traces_widths()
    {
        // Given lsq with auto: 8-bit first and last layers around a 4-bit body
        var lsq = Variants.Choice("lsq", new Precision(4, 4, 32)) with { SizesAccumulators = true };
        var edges = new QuantizationConfig(lsq) { FirstLastBits = 8 }.BitsFor(ModelArchitecture.LeNet5);
        // Then conv1 is 8 + 8 + ceil(log2 25) = 21, conv2 4 + 4 + 8 = 16, fc3 8 + 8 + 7 = 23
        Assert.That(edges.Select(p => p.AccumulatorBits), Is.EqualTo(new[] { 21, 16, 17, 15, 23 }));

        // And trace overrides keep their written accumulators, as simulate keeps a trace layer's precision
        var trace = new QuantizationConfig(lsq)
        {
            FirstLastBits = null,
            OverridesOwnAccumulators = true,
            LayerOverrides = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
                ModelArchitecture.LeNet5.Layers.Select(l => KeyValuePair.Create(l.Name, new Precision(4, 4, 16)))),
        };
        Assert.That(trace.BitsFor(ModelArchitecture.LeNet5).Select(p => p.AccumulatorBits), Is.All.EqualTo(16));
    }
}
