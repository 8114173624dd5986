using System.Collections.Immutable;

namespace QuantSim.Workloads.Torch.Integer;

/// <summary>
/// A trained quantized network in integer form: input codes, per-layer integer weights, biases,
/// fixed-point multipliers and zero points. Runs without TorchSharp.
/// </summary>
public sealed record IntegerModel(string Name, double InputScale, int InputZeroPoint, int InputMax, ImmutableArray<IntegerLayer> Layers)
{
    /// <summary>The first layer's input codes of an 8-bit image: <c>clamp(round(p/255 / s) + z, 0, max)</c>.</summary>
    public int[] QuantizeImage(ReadOnlySpan<byte> pixels)
    {
        var codes = new int[pixels.Length];
        for (int i = 0; i < pixels.Length; i++)
        {
            // The same arithmetic as the TorchSharp path: the image tensor holds p/255 in float32, scored in
            // float64 (QuantizedNetwork.UseDoublePrecision), then floor(x/s + 0.5).
            double x = pixels[i] / 255f;
            codes[i] = Math.Clamp((int)Math.Floor(x / InputScale + 0.5) + InputZeroPoint, 0, InputMax);
        }

        return codes;
    }
}
