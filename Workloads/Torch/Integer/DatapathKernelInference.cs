using System.Collections.Immutable;
using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Layers;
using QuantSim.Workloads.Torch.Data;
using QuantSim.Workloads.Torch.Models;
using QuantSim.Workloads.Torch.Quantization;

namespace QuantSim.Workloads.Torch.Integer;

/// <summary>
/// Runs an exported <see cref="IntegerModel"/> through the datapath plug-in's own integer kernels
/// (<see cref="IDatapath.CreateKernel"/> and <see cref="LayerRunner"/>, Datapaths/Numerics): the trained
/// scales become the plug-in's <see cref="QuantizationScheme"/> objects, and the plug-in turns them into its
/// multipliers or shifts. Used to cross-check the accuracy path's integer inference against the simulator's
/// numerics; where they differ the plug-in's rounding rules differ (see the README of Workloads/Torch).
/// </summary>
/// <remarks>
/// Limits of the plug-in contract this follows: a kernel's output quantizer must have the same spec as its
/// input quantizer, so every layer must share one precision (no 8-bit first/last layer); the classifier's
/// int32 accumulators are not exposed by a kernel, so the last layer accumulates with
/// <see cref="IntegerInference"/>'s loop; ReLU and max-pool are applied to the codes between kernels
/// (both commute with the monotone requantization).
/// </remarks>
public sealed class DatapathKernelInference
{
    private readonly IntegerModel _model;
    private readonly ImmutableArray<(IntegerKernel Kernel, Layer Shape)> _kernels;

    public DatapathKernelInference(IntegerModel model, QuantVariant variant)
    {
        _model = model;
        if (!DatapathRegistry.Default.TryGet(variant.CliName(), out IDatapath datapath))
        {
            throw new ArgumentException($"no datapath plug-in named {variant.CliName()}", nameof(variant));
        }

        DatapathSettings settings = DatapathSettings.Resolve(datapath);
        Workload shapes = ArchitectureOf(model).ToWorkload();
        var kernels = ImmutableArray.CreateBuilder<(IntegerKernel, Layer)>();
        for (int i = 0; i < model.Layers.Length - 1; i++)
        {
            IntegerLayer layer = model.Layers[i];
            var precision = new Precision(layer.Bits.Weight, layer.Bits.Activation, 32);
            DatapathQuantizers specs = datapath.Quantizers(precision, settings);
            int nextZero = model.Layers[i + 1].InputZeroPoint;
            var quantization = new LayerQuantization(
                specs.Activations.WithScale(layer.InputScale, specs.Activations.HasZeroPoint ? layer.InputZeroPoint : 0),
                specs.Weights.Granularity == Granularity.PerChannel ? specs.Weights.WithScales(layer.WeightScales) : specs.Weights.WithScale(layer.WeightScales[0]),
                specs.Activations.WithScale(layer.OutputScale, specs.Activations.HasZeroPoint ? nextZero : 0),
                [.. layer.Bias]);
            int[,] weights = shapes.Layers[i] is ConvLayer conv
                ? ConvLowering.Weights(conv, ToFilterRowColumnChannel(layer))
                : LayerRunner.FullyConnectedWeights((FullyConnectedLayer)shapes.Layers[i], layer.Weights);
            kernels.Add((datapath.CreateKernel(quantization, weights, precision, settings), shapes.Layers[i]));
        }

        _kernels = kernels.ToImmutable();
    }

    /// <summary>The predicted class of every image.</summary>
    public int[] Predict(ImageSet images, int maxParallelism = 1)
    {
        var predictions = new int[images.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxParallelism) };
        Parallel.For(0, images.Count, options, n =>
        {
            int[] x = _model.QuantizeImage(images.Pixels.AsSpan(n * images.PixelsPerImage, images.PixelsPerImage));
            for (int i = 0; i < _kernels.Length; i++)
            {
                IntegerLayer layer = _model.Layers[i];
                x = _kernels[i].Shape is ConvLayer conv
                    ? ToChannelMajor(LayerRunner.Conv(_kernels[i].Kernel, conv, ToChannelLast(x, conv.InputChannels, conv.InputHeight)), conv.Filters, conv.OutputHeight)
                    : LayerRunner.FullyConnected(_kernels[i].Kernel, (FullyConnectedLayer)_kernels[i].Shape, x);
                int zero = _model.Layers[i + 1].InputZeroPoint;
                for (int j = 0; j < x.Length; j++)
                {
                    x[j] = Math.Max(x[j], zero); // ReLU: real 0 is code z
                }

                if (layer.Spec.MaxPool)
                {
                    x = IntegerInference.MaxPool(x, layer.Spec.OutputChannels, IntegerInference.OutputSide(layer));
                }
            }

            predictions[n] = IntegerInference.Classify(_model, IntegerInference.FullyConnected(_model.Layers[^1], x));
        });
        return predictions;
    }

    private static ModelArchitecture ArchitectureOf(IntegerModel model) =>
        ModelArchitecture.All.FirstOrDefault(a => a.Name == model.Name)
        ?? throw new ArgumentException($"unknown architecture {model.Name}", nameof(model));

    /// <summary>TorchSharp's [f][c][r][s] weight order to the plug-ins' [f][r][s][c].</summary>
    private static int[] ToFilterRowColumnChannel(IntegerLayer layer)
    {
        int f = layer.Spec.OutputChannels, c = layer.Spec.InputChannels, k = layer.Spec.Kernel;
        var result = new int[layer.Weights.Length];
        for (int o = 0; o < f; o++)
        {
            for (int ci = 0; ci < c; ci++)
            {
                for (int r = 0; r < k; r++)
                {
                    for (int s = 0; s < k; s++)
                    {
                        result[((o * k + r) * k + s) * c + ci] = layer.Weights[((o * c + ci) * k + r) * k + s];
                    }
                }
            }
        }

        return result;
    }

    private static int[] ToChannelLast(int[] chw, int channels, int side)
    {
        var hwc = new int[chw.Length];
        for (int c = 0; c < channels; c++)
        {
            for (int p = 0; p < side * side; p++)
            {
                hwc[p * channels + c] = chw[c * side * side + p];
            }
        }

        return hwc;
    }

    private static int[] ToChannelMajor(int[] hwc, int channels, int side)
    {
        var chw = new int[hwc.Length];
        for (int c = 0; c < channels; c++)
        {
            for (int p = 0; p < side * side; p++)
            {
                chw[c * side * side + p] = hwc[p * channels + c];
            }
        }

        return chw;
    }
}
