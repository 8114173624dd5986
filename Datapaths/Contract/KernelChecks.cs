using QuantSim.Datapaths.Numerics;

namespace QuantSim.Datapaths.Contract;

/// <summary>Checks every variant makes before building a kernel, so a mismatched layer fails loudly.</summary>
public static class KernelChecks
{
    /// <summary>Throws unless the layer's quantizers have the variant's shapes and the channel counts agree.</summary>
    public static void RequireShapes(LayerQuantization q, DatapathQuantizers expected, int[,] weights)
    {
        Require(q.Input.Spec, expected.Activations, "input");
        if (q.Output is not null)
        {
            // The output feeds the next layer, which may run at other bits; everything else must match.
            Require(q.Output.Spec, expected.Activations with { Bits = q.Output.Spec.Bits }, "output");
        }

        Require(q.Weights.Spec, expected.Weights, "weight");
        int channels = weights.GetLength(1);
        if (q.OutputChannels != channels)
        {
            throw new ArgumentException($"{q.OutputChannels} bias entries for {channels} output channels", nameof(q));
        }

        if (q.Weights.Spec.Granularity == Granularity.PerChannel && q.Weights.Scales.Length != channels)
        {
            throw new ArgumentException($"{q.Weights.Scales.Length} weight scales for {channels} output channels", nameof(q));
        }
    }

    private static void Require(QuantizerSpec actual, QuantizerSpec expected, string what)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"the {what} quantizer is {actual}, this datapath needs {expected}");
        }
    }
}
