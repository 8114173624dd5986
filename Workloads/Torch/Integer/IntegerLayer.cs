using System.Collections.Immutable;
using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Torch.Models;
using QuantSim.Workloads.Layers;

namespace QuantSim.Workloads.Torch.Integer;

/// <summary>
/// One weight layer in integer form: its weight codes in TorchSharp order ([C_out, C_in/groups, k, k] or
/// [out, in]) and the plug-in quantizers and bias codes its kernel takes. <see cref="LayerQuantization.Output"/>
/// is the quantizer of the layer's output codes (the next layer's input quantizer), the pre-activation
/// quantizer of an h-swish layer, or null when the kernel writes its corrected int32 accumulators: the
/// classifier's logits, or the accumulators a <see cref="Residual"/> addition rescales.
/// </summary>
public sealed record IntegerLayer(LayerSpec Spec, int InputSide, Precision Bits, LayerQuantization Quantization, ImmutableArray<int> Weights)
{
    /// <summary>The residual addition at the output, for layers with one.</summary>
    public ResidualAdd? Residual { get; init; }

    /// <summary>The h-swish table from pre-activation codes to output codes, for h-swish layers.</summary>
    public HSwishTable? HSwish { get; init; }

    /// <summary>The global average pool in front of the layer, for layers that read one.</summary>
    public GlobalAveragePool? Pool { get; init; }

    /// <summary>Whether this is the classifier layer (no requantization; logits stay int32).</summary>
    public bool IsLast => Quantization.Output is null && Residual is null;

    /// <summary>The quantizer of the codes this layer writes (after residual, activation and pool), null for the classifier.</summary>
    public QuantizationScheme? OutputScheme => Residual?.Output ?? (HSwish is null ? Quantization.Output : null);

    /// <summary>The real value of one accumulator unit of channel <paramref name="channel"/>, s_in·s_w[c].</summary>
    public double AccumulatorScale(int channel) => LayerQuantization.AccumulatorScale(Quantization.Input, Quantization.Weights, channel);
}
