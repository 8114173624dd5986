using System.Collections.Immutable;
using System.Globalization;
using QuantSim.Datapaths.Contract;
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

    /// <summary>Short text such as <c>w4a4</c> (or a per-layer trace's name), used in tables and cache keys.</summary>
    public string PrecisionName { get; init; } = $"w{WeightBits}a{ActivationBits}";

    /// <summary>
    /// Bits of every layer. Without overrides, the mixed-precision variant gives the layer holding most of
    /// the weights (LeNet-5's fc1, 48 k of 62 k) the next narrower weight width its plug-in runs (2, 4, 8, 16
    /// on the bit-composable PE: 8 → 4, 4 → 2; none below 2): it dominates the weight memory, and on small
    /// CNNs it is the least sensitive (widest) layer. Overrides replace this rule.
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
                layerBits = layerBits with { Weight = NarrowerWeightBits(layerBits) };
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

    /// <summary>
    /// Why the variant's plug-in cannot run these bits on <paramref name="model"/> (one message per layer
    /// and problem), or nothing when it can: the integer path runs on the plug-in's kernels, so training a
    /// precision it refuses would measure nothing.
    /// </summary>
    public IEnumerable<string> Problems(ModelArchitecture model)
    {
        var datapath = Variant.Datapath();
        ImmutableArray<LayerBits> bits = BitsFor(model);
        for (int i = 0; i < bits.Length; i++)
        {
            foreach (var problem in datapath.CheckPrecision(bits[i].ToPrecision()))
            {
                yield return $"{Variant.CliName()} cannot run {model.Layers[i].Name} at {bits[i]}: {problem.Message}";
            }
        }
    }

    /// <summary>Everything that determines the quantized weights, for checkpoint keys.</summary>
    public string Fingerprint() =>
        Variant.CliName() + ";" + PrecisionName + ";edge=" + (FirstLastBits?.ToString(CultureInfo.InvariantCulture) ?? "same") + ";"
        + string.Join(',', LayerOverrides.Select(kv => kv.Key + "=" + kv.Value));

    private int NarrowerWeightBits(LayerBits bits)
    {
        var datapath = Variant.Datapath();
        for (int w = bits.Weight - 1; w >= 2; w--)
        {
            if (!datapath.CheckPrecision((bits with { Weight = w }).ToPrecision()).Any(p => p.Field == PrecisionProblem.WeightBits))
            {
                return w;
            }
        }

        return bits.Weight;
    }
}
