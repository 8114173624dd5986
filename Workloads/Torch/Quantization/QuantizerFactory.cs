using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Layers;
using QuantSim.Workloads.Torch.Models;

namespace QuantSim.Workloads.Torch.Quantization;

/// <summary>
/// Builds a layer's fake quantizers from the datapath plug-in's own quantizer shapes
/// (<see cref="IDatapath.Quantizers"/>): bits, signedness, per-channel or per-tensor, power-of-two or real
/// scale, zero point or not all come from the plug-in, so training learns exactly the parameters its
/// integer kernel takes. Only the initialization is a training choice made here: LSQ+'s 3σ weight step
/// where activations carry an offset (the scale-offset recipe of Bhalgat et al. 2020), LSQ's otherwise.
/// </summary>
public static class QuantizerFactory
{
    public static (WeightQuantizer Weights, ActivationQuantizer Activations) Create(DatapathChoice datapath, Precision precision, LayerSpec layer)
    {
        DatapathQuantizers specs = datapath.Quantizers(precision);
        if (specs.Weights.ScaleKind == ScaleKind.FloatPattern || specs.Activations.ScaleKind == ScaleKind.FloatPattern)
        {
            throw new NotSupportedException($"{datapath.Label}: a floating-point datapath quantizes nothing, so there is nothing to train; its accuracy is the float network's");
        }

        if (specs.Weights.HasZeroPoint)
        {
            throw new NotSupportedException($"{datapath.Label}: weights with a zero point are not trained here");
        }

        WeightQuantizer weights = specs.Weights.ScaleKind == ScaleKind.PowerOfTwo
            ? new PowerOfTwoWeightQuantizer(specs.Weights)
            : new LearnedWeightQuantizer(specs.Weights, layer.OutputChannels, specs.Activations.HasZeroPoint ? WeightStepInit.ThreeSigma : WeightStepInit.Lsq);
        ActivationQuantizer activations =
            specs.Activations.ScaleKind == ScaleKind.PowerOfTwo ? new PowerOfTwoActivationQuantizer(specs.Activations)
            : specs.Activations.HasZeroPoint ? new ScaleOffsetActivationQuantizer(specs.Activations)
            : new LearnedActivationQuantizer(specs.Activations);
        return (weights, activations);
    }
}
