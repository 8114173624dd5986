using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Tests.Reference;

/// <summary>Random small layers and quantizers from a seeded <see cref="Random"/>.</summary>
public static class RandomLayers
{
    public static ConvLayer Conv(Random random)
    {
        while (true)
        {
            int groups = random.Next(0, 4) == 0 ? random.Next(2, 4) : 1;
            var layer = new ConvLayer(
                "conv",
                random.Next(2, 8),
                random.Next(2, 8),
                groups * random.Next(1, 5),
                random.Next(1, 4),
                random.Next(1, 4),
                groups * random.Next(1, 5))
            {
                StrideH = random.Next(1, 3),
                StrideW = random.Next(1, 3),
                PadH = random.Next(0, 2),
                PadW = random.Next(0, 2),
                DilationH = random.Next(1, 3),
                DilationW = random.Next(1, 3),
                Groups = groups,
            };
            if (!layer.Problems().Any())
            {
                return layer;
            }
        }
    }

    public static FullyConnectedLayer FullyConnected(Random random) =>
        new("fc", random.Next(1, 48), random.Next(1, 10)) { Batch = random.Next(1, 4) };

    public static int[] Codes(Random random, QuantizerSpec spec, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => random.Next(spec.QMin, spec.QMax + 1))];

    /// <summary>
    /// Quantizers of the variant's shapes with random scales and zero points, the output scale chosen
    /// so that typical accumulators land inside the output codes (with some clamping at the ends).
    /// </summary>
    public static LayerQuantization Quantization(Random random, DatapathQuantizers specs, int channels, int reduction, int? outputBits = null)
    {
        QuantizationScheme input, weights, output;
        QuantizerSpec outputSpec = specs.Activations with { Bits = outputBits ?? specs.Activations.Bits };
        if (specs.Activations.ScaleKind == ScaleKind.PowerOfTwo)
        {
            int fIn = random.Next(0, 8), fW = random.Next(0, 8);
            // Aim the shift so typical sums land inside the output codes. Unsigned (post-ReLU) outputs clamp
            // every negative sum to 0 and the ±4096 bias pushes small layers to the rails, so they get 3 more
            // bits of headroom (chosen so more than 1 in 8 outputs land strictly inside with these seeds).
            int growth = (int)Math.Ceiling(Math.Log2(reduction) / 2) + specs.Weights.Bits - 1 + (specs.Activations.Signed ? 0 : 3);
            input = specs.Activations.WithFractionalBits(fIn);
            weights = specs.Weights.WithFractionalBits(fW);
            output = outputSpec.WithFractionalBits(fIn + fW - growth + outputSpec.Bits - specs.Activations.Bits + random.Next(-2, 3));
        }
        else
        {
            double sIn = 0.005 + random.NextDouble() * 0.2;
            int zIn = specs.Activations.HasZeroPoint ? random.Next(specs.Activations.QMin, specs.Activations.QMax + 1) : 0;
            input = specs.Activations.WithScale(sIn, zIn);
            int scaleCount = specs.Weights.Granularity == Granularity.PerChannel ? channels : 1;
            double[] sW = [.. Enumerable.Range(0, scaleCount).Select(_ => 0.001 + random.NextDouble() * 0.05)];
            int zW = specs.Weights.HasZeroPoint ? random.Next(specs.Weights.QMin, specs.Weights.QMax + 1) : 0;
            weights = specs.Weights.WithScales(sW, [.. Enumerable.Repeat(zW, scaleCount)]);
            // Typical |acc| ~ sqrt(K)·qmax_x·qmax_w/2; aim it at the output range.
            double typical = Math.Sqrt(reduction) * (1 << specs.Activations.Bits) * (1 << (specs.Weights.Bits - 1)) / 4.0;
            double sOut = sIn * sW.Average() * typical / ((1 << outputSpec.Bits) * (0.3 + random.NextDouble()));
            int zOut = outputSpec.HasZeroPoint ? random.Next(outputSpec.QMin, outputSpec.QMax + 1) : 0;
            output = outputSpec.WithScale(sOut, zOut);
        }

        int[] bias = [.. Enumerable.Range(0, channels).Select(_ => random.Next(-4096, 4097))];
        return new LayerQuantization(input, weights, output, [.. bias]);
    }
}
