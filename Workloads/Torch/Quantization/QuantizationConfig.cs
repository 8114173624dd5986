using System.Collections.Immutable;
using System.Globalization;
using QuantSim.Workloads.Torch.Models;

namespace QuantSim.Workloads.Torch.Quantization;

/// <summary>
/// What to quantize and how: the variant, the precision of the inner layers, the precision of the
/// first and last layers (8 bits by default, as in LSQ's ImageNet experiments) and, for mixed precision,
/// per-layer overrides by layer name.
/// </summary>
public sealed record QuantizationConfig(QuantVariant Variant, int WeightBits, int ActivationBits)
{
    /// <summary>Bits of the first and last layers' weights and input activations; null = same as the others.</summary>
    public int? FirstLastBits { get; init; } = 8;

    /// <summary>Per-layer bits (mixed precision), by layer name; they win over every other rule.</summary>
    public ImmutableSortedDictionary<string, LayerBits> LayerOverrides { get; init; } =
        ImmutableSortedDictionary<string, LayerBits>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Short text such as <c>w4a4</c>, used in tables and cache keys.</summary>
    public string PrecisionName => $"w{WeightBits}a{ActivationBits}";

    /// <summary>
    /// Bits of every layer. Without overrides, the mixed-precision variant gives the layer holding most of
    /// the weights (LeNet-5's fc1, 48 k of 62 k) one weight bit less (not below 2): it dominates the weight
    /// memory, and on small CNNs it is the least sensitive (widest) layer. Overrides replace this rule.
    /// </summary>
    public ImmutableArray<LayerBits> BitsFor(ModelArchitecture model)
    {
        var bits = ImmutableArray.CreateBuilder<LayerBits>(model.Layers.Length);
        int largest = Enumerable.Range(0, model.Layers.Length).MaxBy(i => model.Layers[i].WeightCount);
        for (int i = 0; i < model.Layers.Length; i++)
        {
            LayerSpec layer = model.Layers[i];
            var layerBits = new LayerBits(WeightBits, ActivationBits);
            if (Variant == QuantVariant.MixedPrecision && LayerOverrides.Count == 0 && i == largest)
            {
                layerBits = layerBits with { Weight = Math.Max(2, WeightBits - 1) };
            }

            if (FirstLastBits is int edge && (i == 0 || i == model.Layers.Length - 1))
            {
                layerBits = new LayerBits(edge, edge);
            }

            if (LayerOverrides.TryGetValue(layer.Name, out LayerBits? chosen))
            {
                layerBits = chosen;
            }

            bits.Add(layerBits);
        }

        return bits.MoveToImmutable();
    }

    /// <summary>Everything that determines the quantized weights, for checkpoint keys.</summary>
    public string Fingerprint() =>
        Variant.CliName() + ";" + PrecisionName + ";edge=" + (FirstLastBits?.ToString(CultureInfo.InvariantCulture) ?? "same") + ";"
        + string.Join(',', LayerOverrides.Select(kv => kv.Key + "=" + kv.Value));
}
