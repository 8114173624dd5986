using System.Collections.Immutable;
using QuantSim.Workloads.Torch.Models;
using static TorchSharp.torch;

namespace QuantSim.Workloads.Torch.Integer;

/// <summary>
/// Exports a quantized <see cref="QuantizedNetwork"/> to an <see cref="IntegerModel"/>: weight codes and
/// bias codes from the same tensor expressions the fake-quantized forward pass uses, and each hidden
/// layer's requantization multiplier <c>M[c] = s_in·s_w[c] / s_out</c> as a fixed-point multiplier (a pure
/// shift when the variant's scales are powers of two).
/// </summary>
public static class IntegerExporter
{
    public static IntegerModel Export(QuantizedNetwork network)
    {
        if (!network.IsQuantized)
        {
            throw new InvalidOperationException("only a quantized network has an integer form");
        }

        network.UseDoublePrecision();
        using var noGrad = no_grad();
        ModelArchitecture architecture = network.Architecture;
        ImmutableArray<int> sides = architecture.InputSides();
        int count = architecture.Layers.Length;
        var layers = ImmutableArray.CreateBuilder<IntegerLayer>(count);
        for (int i = 0; i < count; i++)
        {
            var (inputScale, inputZero) = network.ActivationQuantizer(i).Export();
            var (codes, weightScales) = network.WeightCodes(i);
            int[] bias = network.BiasCodes(i);
            LayerSpec spec = architecture.Layers[i];
            double[] logitScale = weightScales.Select(s => inputScale * s).ToArray();
            if (i == count - 1)
            {
                layers.Add(new IntegerLayer(spec, sides[i], inputZero, codes, bias, null, 0, 0, logitScale)
                {
                    Bits = network.Bits[i], InputScale = inputScale, WeightScales = weightScales,
                });
                continue;
            }

            var (outputScale, outputZero) = network.ActivationQuantizer(i + 1).Export();
            FixedPointMultiplier[] multipliers = logitScale.Select(s => FixedPointMultiplier.FromReal(s / outputScale)).ToArray();
            layers.Add(new IntegerLayer(spec, sides[i], inputZero, codes, bias, multipliers, outputZero,
                network.ActivationQuantizer(i + 1).QMax, logitScale)
            {
                Bits = network.Bits[i], InputScale = inputScale, WeightScales = weightScales, OutputScale = outputScale,
            });
        }

        var (scale, zero) = network.ActivationQuantizer(0).Export();
        return new IntegerModel(architecture.Name, scale, zero, network.ActivationQuantizer(0).QMax, layers.MoveToImmutable());
    }
}
