using System.Collections.Immutable;
using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Torch.Models;

namespace QuantSim.Workloads.Torch.Integer;

/// <summary>
/// A trained quantized network in the form a datapath plug-in runs: per layer the plug-in's
/// <see cref="QuantizationScheme"/>s, integer weights and bias codes. Runs without TorchSharp.
/// </summary>
public sealed record IntegerModel(ModelArchitecture Architecture, DatapathChoice Datapath, ImmutableArray<IntegerLayer> Layers)
{
    /// <summary>The first layer's input quantizer.</summary>
    public QuantizationScheme Input => Layers[0].Quantization.Input;

    /// <summary>The first layer's input codes of an 8-bit image.</summary>
    public int[] QuantizeImage(ReadOnlySpan<byte> pixels)
    {
        var codes = new int[pixels.Length];
        for (int i = 0; i < pixels.Length; i++)
        {
            // The image tensor holds p/255 in float32 (ImageSet.ImagesTensor); the quantizer sees that value.
            double x = pixels[i] / 255f;
            codes[i] = Input.Quantize(x);
        }

        return codes;
    }
}
