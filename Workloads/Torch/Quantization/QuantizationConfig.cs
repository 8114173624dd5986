using System.Collections.Immutable;
using System.Globalization;
using QuantSim.Datapaths.Contract;
using QuantSim.Workloads.Layers;
using QuantSim.Workloads.Torch.Models;

namespace QuantSim.Workloads.Torch.Quantization;

/// <summary>
/// What to quantize and how: the datapath choice (plug-in, settings and default precision, the very
/// object the simulator prices), the precision of the first and last layers (8-bit operands by default,
/// as in LSQ's ImageNet experiments) and per-layer overrides by layer name (a trace's bits, accumulator
/// width included). Every layer's <see cref="Precision"/> is what its integer kernel runs at.
/// </summary>
public sealed record QuantizationConfig(DatapathChoice Datapath)
{
    /// <summary>Operand bits of the first and last layers; null = the choice's precision like the others.</summary>
    public int? FirstLastBits { get; init; } = 8;

    /// <summary>Per-layer precisions, by layer name; they win over every other rule.</summary>
    public ImmutableSortedDictionary<string, Precision> LayerOverrides { get; init; } =
        ImmutableSortedDictionary<string, Precision>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>
    /// Whether <see cref="LayerOverrides"/> carry their own accumulator widths (a trace's, kept as written, as
    /// <c>simulate</c> keeps a trace layer's precision) rather than the choice's precision per layer, whose
    /// accumulators follow the choice's rule (<see cref="DatapathChoice.Sized"/>).
    /// </summary>
    public bool OverridesOwnAccumulators { get; init; }

    private readonly string? _precisionName;

    /// <summary>
    /// The precision of the layers no other rule sets: the choice's own, unless a caller asks for one the
    /// plug-in refuses as a default (mixed precision at w3a3) to learn which layers it refuses (<see cref="Problems"/>).
    /// </summary>
    public Precision Body { get; init; } = Datapath.Precision;

    /// <summary>Short text such as <c>w4a4</c> (or a per-layer trace's name), used in tables and cache keys.</summary>
    public string PrecisionName { get => _precisionName ?? Body.Spec; init => _precisionName = value; }

    /// <summary>
    /// Precision of every layer. Without overrides, a variant that needs per-layer bit-widths (mixed
    /// precision) gives the layer holding most of the weights (LeNet-5's fc1, 48 k of 62 k) the next
    /// narrower weight width its plug-in runs (2, 4, 8, 16 on the bit-composable PE: 8 → 4, 4 → 2; none
    /// below 2): it dominates the weight memory, and on small CNNs it is the least sensitive (widest)
    /// layer. Overrides replace this rule. Every layer's accumulator then follows the choice's rule for its
    /// dot-product length (<see cref="DatapathChoice.Sized"/>, the function <c>simulate</c>'s
    /// <see cref="DatapathChoice.For"/> applies to the same layer of <see cref="ModelArchitecture.ToWorkload"/>),
    /// except trace overrides with <see cref="OverridesOwnAccumulators"/>.
    /// </summary>
    public ImmutableArray<Precision> BitsFor(ModelArchitecture model)
    {
        var body = Body;
        var gemmLayers = model.ToWorkload().Layers;
        var bits = ImmutableArray.CreateBuilder<Precision>(model.Layers.Length);
        int largest = Enumerable.Range(0, model.Layers.Length).MaxBy(i => model.Layers[i].WeightCount);
        for (int i = 0; i < model.Layers.Length; i++)
        {
            LayerSpec layer = model.Layers[i];
            var precision = body;
            if (Datapath.Datapath.RequiresLayerPrecision && LayerOverrides.Count == 0 && i == largest)
            {
                precision = precision with { WeightBits = NarrowerWeightBits(precision) };
            }

            if (FirstLastBits is int edge && (i == 0 || i == model.Layers.Length - 1))
            {
                precision = precision with { WeightBits = edge, ActivationBits = edge };
            }

            bool own = false;
            if (LayerOverrides.TryGetValue(layer.Name, out Precision? chosen))
            {
                precision = chosen;
                own = OverridesOwnAccumulators;
            }

            bits.Add(own ? precision : Datapath.Sized(precision, GemmView.Of(gemmLayers[i]).K));
        }

        return bits.MoveToImmutable();
    }

    /// <summary>
    /// Why the plug-in cannot run these bits on <paramref name="model"/> (one message per layer and
    /// problem), or nothing when it can: the integer path runs on the plug-in's kernels, so training a
    /// precision it refuses would measure nothing.
    /// </summary>
    public IEnumerable<string> Problems(ModelArchitecture model)
    {
        ImmutableArray<Precision> bits = BitsFor(model);
        for (int i = 0; i < bits.Length; i++)
        {
            foreach (var problem in Datapath.CheckPrecision(bits[i]))
            {
                yield return $"{Datapath.Label} cannot run {model.Layers[i].Name} at {bits[i].Spec}: {problem.Message}";
            }
        }

        var weights = Datapath.Quantizers(Datapath.Precision).Weights;
        if (weights.HasZeroPoint)
        {
            yield return $"{Datapath.Label}: weights with a zero point (asymmetric weights) have no trained quantizer yet; train with symmetric weights";
        }
    }

    /// <summary>Everything that determines the quantized weights, for checkpoint keys (32-bit accumulators are left out, as before they were a choice).</summary>
    public string Fingerprint() =>
        Datapath.NumericsKey + ";" + PrecisionName + ";edge=" + (FirstLastBits?.ToString(CultureInfo.InvariantCulture) ?? "same") + ";"
        + string.Join(',', LayerOverrides.Select(kv => kv.Key + "=" + kv.Value.Spec));

    private int NarrowerWeightBits(Precision precision)
    {
        for (int w = precision.WeightBits - 1; w >= 2; w--)
        {
            if (!Datapath.CheckPrecision(precision with { WeightBits = w }).Any(p => p.Field == DatapathProblem.WeightBits))
            {
                return w;
            }
        }

        return precision.WeightBits;
    }
}
