using System.Collections.Immutable;
using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Torch.Models;
using QuantSim.Workloads.Layers;

namespace QuantSim.Workloads.Torch.Integer;

/// <summary>
/// One weight layer in integer form: its weight codes in TorchSharp order ([C_out, C_in, k, k] or
/// [out, in]) and the plug-in quantizers and bias codes its kernel takes. <see cref="LayerQuantization.Output"/>
/// is the next layer's input quantizer, or null for the classifier, whose int32 accumulators are the logits.
/// </summary>
public sealed record IntegerLayer(LayerSpec Spec, int InputSide, Precision Bits, LayerQuantization Quantization, ImmutableArray<int> Weights)
{
    /// <summary>Whether this is the classifier layer (no requantization; logits stay int32).</summary>
    public bool IsLast => Quantization.Output is null;

    /// <summary>The real value of one accumulator unit of channel <paramref name="channel"/>, s_in·s_w[c].</summary>
    public double AccumulatorScale(int channel) => LayerQuantization.AccumulatorScale(Quantization.Input, Quantization.Weights, channel);
}
