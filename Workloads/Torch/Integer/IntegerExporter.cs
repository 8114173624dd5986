using System.Collections.Immutable;
using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Layers;
using QuantSim.Workloads.Torch.Models;
using QuantSim.Workloads.Torch.Quantization;

namespace QuantSim.Workloads.Torch.Integer;

/// <summary>
/// Turns a quantized <see cref="QuantizedNetwork"/> into an <see cref="IntegerModel"/> for its variant's
/// datapath plug-in: the learned scales and zero points become the plug-in's own
/// <see cref="QuantizationScheme"/>s (shapes from <see cref="IDatapath.Quantizers"/>), and the plug-in's
/// schemes quantize the float64 weights and biases. The codes are the ones the fake-quantized forward pass
/// uses because both apply the same rule to the same float64 values (tested).
/// </summary>
public static class IntegerExporter
{
    public static IntegerModel Export(QuantizedNetwork network)
    {
        QuantizationConfig config = network.Quantization
            ?? throw new InvalidOperationException("only a quantized network has an integer form");
        DatapathChoice datapath = config.Datapath;
        network.UseDoublePrecision();
        ModelArchitecture architecture = network.Architecture;
        ImmutableArray<int> sides = architecture.InputSides();
        int count = architecture.Layers.Length;
        var layers = ImmutableArray.CreateBuilder<IntegerLayer>(count);
        for (int i = 0; i < count; i++)
        {
            LayerSpec spec = architecture.Layers[i];
            DatapathQuantizers specs = datapath.Quantizers(network.Bits[i]);
            int inputOwner = architecture.InputQuantizerOf(i);
            QuantizationScheme input = Scheme(network, datapath, network.ActivationQuantizer(inputOwner), network.Bits[inputOwner]);
            double[] scales = network.WeightScales(i);
            QuantizationScheme weights = specs.Weights.Granularity == Granularity.PerChannel
                ? specs.Weights.WithScales(scales)
                : specs.Weights.WithScale(scales[0]);
            double[] values = network.WeightValues(i);
            int perChannel = values.Length / spec.OutputChannels;
            ImmutableArray<int> codes = [.. values.Select((w, j) => weights.Quantize(w, j / perChannel))];
            QuantizationScheme? output = i < count - 1 ? TensorScheme(network, datapath, i) : null;
            ImmutableArray<int> bias = LayerQuantization.QuantizeBias(network.BiasValues(i), input, weights);
            IntegerLayer layer;
            if (spec.Residual is int r)
            {
                var quantization = new LayerQuantization(input, weights, null, bias);
                layer = new IntegerLayer(spec, sides[i], network.Bits[i], quantization, codes)
                {
                    Residual = ResidualAdd.Of(quantization, TensorScheme(network, datapath, r), output!),
                };
            }
            else if (spec.HSwish)
            {
                QuantizationScheme pre = Scheme(network, datapath, network.PreActivationQuantizer(i)!, network.Bits[i]);
                layer = new IntegerLayer(spec, sides[i], network.Bits[i], new LayerQuantization(input, weights, pre, bias), codes)
                {
                    HSwish = HSwishTable.Of(pre, output!),
                };
            }
            else
            {
                layer = new IntegerLayer(spec, sides[i], network.Bits[i], new LayerQuantization(input, weights, output, bias), codes);
            }

            if (spec.GlobalPool)
            {
                int source = architecture.SourceOf(i);
                int side = architecture.SideOf(source);
                layer = layer with { Pool = new GlobalAveragePool(TensorScheme(network, datapath, source), input, side * side) };
            }

            layers.Add(layer);
        }

        return new IntegerModel(architecture, datapath, layers.MoveToImmutable());
    }

    /// <summary>The scheme of tensor <paramref name="t"/>'s codes (see <see cref="QuantizedNetwork.TensorQuantizer"/>), at the precision of the layer owning its quantizer.</summary>
    private static QuantizationScheme TensorScheme(QuantizedNetwork network, DatapathChoice datapath, int t)
    {
        int? reader = network.Architecture.QuantizingReader(t);
        return Scheme(network, datapath, network.TensorQuantizer(t), network.Bits[reader ?? t]);
    }

    private static QuantizationScheme Scheme(QuantizedNetwork network, DatapathChoice datapath, ActivationQuantizer quantizer, Precision bits)
    {
        var (scale, zero) = quantizer.Export();
        return datapath.Quantizers(bits).Activations.WithScale(scale, zero);
    }
}
