using System.Collections.Immutable;
using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Numerics;
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
            var (inputScale, inputZero) = network.ActivationQuantizer(i).Export();
            QuantizationScheme input = specs.Activations.WithScale(inputScale, inputZero);
            double[] scales = network.WeightScales(i);
            QuantizationScheme weights = specs.Weights.Granularity == Granularity.PerChannel
                ? specs.Weights.WithScales(scales)
                : specs.Weights.WithScale(scales[0]);
            double[] values = network.WeightValues(i);
            int perChannel = values.Length / spec.OutputChannels;
            ImmutableArray<int> codes = [.. values.Select((w, j) => weights.Quantize(w, j / perChannel))];
            QuantizationScheme? output = null;
            if (i < count - 1)
            {
                var (outputScale, outputZero) = network.ActivationQuantizer(i + 1).Export();
                output = datapath.Quantizers(network.Bits[i + 1]).Activations.WithScale(outputScale, outputZero);
            }

            var quantization = new LayerQuantization(input, weights, output, LayerQuantization.QuantizeBias(network.BiasValues(i), input, weights));
            layers.Add(new IntegerLayer(spec, sides[i], network.Bits[i], quantization, codes));
        }

        return new IntegerModel(architecture, datapath, layers.MoveToImmutable());
    }
}
