using QuantSim.Workloads.Torch.Models;

namespace QuantSim.Workloads.Torch.Quantization;

/// <summary>Which weight and activation quantizer each variant uses.</summary>
public static class QuantizerFactory
{
    public static (WeightQuantizer Weights, ActivationQuantizer Activations) Create(QuantVariant variant, LayerBits bits, LayerSpec layer) =>
        variant switch
        {
            QuantVariant.FixedPoint => (new PowerOfTwoWeightQuantizer(bits.Weight), new PowerOfTwoActivationQuantizer(bits.Activation)),
            QuantVariant.Lsq or QuantVariant.MixedPrecision =>
                (new LearnedWeightQuantizer(bits.Weight, layer.OutputChannels, perChannel: false, WeightStepInit.Lsq),
                 new LearnedActivationQuantizer(bits.Activation)),
            QuantVariant.PerChannel =>
                (new LearnedWeightQuantizer(bits.Weight, layer.OutputChannels, perChannel: true, WeightStepInit.Lsq),
                 new LearnedActivationQuantizer(bits.Activation)),
            QuantVariant.ScaleOffset =>
                (new LearnedWeightQuantizer(bits.Weight, layer.OutputChannels, perChannel: false, WeightStepInit.ThreeSigma),
                 new ScaleOffsetActivationQuantizer(bits.Activation)),
            _ => throw new ArgumentOutOfRangeException(nameof(variant)),
        };
}
