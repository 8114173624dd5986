using System.Collections.Immutable;
using QuantSim.Workloads.Layers;

namespace QuantSim.Workloads.Zoo;

/// <summary>
/// Builds a zoo network layer by layer while tracking the activation shape, so each layer's input
/// size follows from the previous layer (and from pooling, which adds no layer) instead of being
/// typed in by hand.
/// </summary>
internal sealed class NetworkBuilder(string name, int height, int width, int channels)
{
    private readonly ImmutableArray<Layer>.Builder _layers = ImmutableArray.CreateBuilder<Layer>();

    /// <summary>The current activation shape (height x width x channels).</summary>
    public (int Height, int Width, int Channels) Shape { get; set; } = (height, width, channels);

    /// <summary>A square convolution on the current shape; the shape becomes its output.</summary>
    public ConvLayer Conv(string layer, int kernel, int filters, int stride = 1, int pad = 0, int groups = 1, bool bias = false, bool norm = false)
    {
        var conv = new ConvLayer(layer, Shape.Height, Shape.Width, Shape.Channels, kernel, kernel, filters)
        {
            StrideH = stride, StrideW = stride, PadH = pad, PadW = pad, Groups = groups, HasBias = bias, HasNormalization = norm,
        };
        _layers.Add(conv);
        Shape = (conv.OutputHeight, conv.OutputWidth, conv.Filters);
        return conv;
    }

    /// <summary>Max or average pooling: changes the shape, adds no MAC layer.</summary>
    public void Pool(int kernel, int stride, int pad = 0) =>
        Shape = ((Shape.Height + 2 * pad - kernel) / stride + 1, (Shape.Width + 2 * pad - kernel) / stride + 1, Shape.Channels);

    /// <summary>Global average pooling to 1 x 1.</summary>
    public void GlobalPool() => Shape = (1, 1, Shape.Channels);

    /// <summary>A fully connected layer on the flattened current shape.</summary>
    public FullyConnectedLayer FullyConnected(string layer, int outputs, bool bias = true)
    {
        var fc = new FullyConnectedLayer(layer, Shape.Height * Shape.Width * Shape.Channels, outputs) { HasBias = bias };
        _layers.Add(fc);
        Shape = (1, 1, outputs);
        return fc;
    }

    public Workload Build() => new(name, _layers.ToImmutable());
}
