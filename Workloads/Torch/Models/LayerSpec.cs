using System.Globalization;

namespace QuantSim.Workloads.Torch.Models;

/// <summary>
/// One weight layer of a CNN as QuantSim trains, runs in integer form and simulates it: a square-kernel
/// convolution (any stride, grouped or depthwise) or a fully connected layer, optionally with batch norm
/// (folded into the weights before quantization), an activation (ReLU or h-swish), a residual addition
/// and a 2 x 2 max-pool. Every weight layer is where quantization happens: its input activations and its
/// weights. Layers form a graph through <see cref="Source"/> and <see cref="Residual"/>; a plain
/// sequential network leaves both unset.
/// </summary>
public sealed record LayerSpec(string Name, LayerKind Kind, int InputChannels, int OutputChannels)
{
    /// <summary>The network input as a <see cref="Source"/> or <see cref="Residual"/>.</summary>
    public const int NetworkInput = -1;

    /// <summary>Kernel side for a convolution (1 for fully connected).</summary>
    public int Kernel { get; init; } = 1;

    /// <summary>Zero padding per side for a convolution.</summary>
    public int Padding { get; init; }

    public bool Relu { get; init; } = true;

    /// <summary>A 2 x 2, stride-2 max-pool after the ReLU.</summary>
    public bool MaxPool { get; init; }

    /// <summary>Convolution stride (both directions).</summary>
    public int Stride { get; init; } = 1;

    /// <summary>Convolution groups (InputChannels for a depthwise convolution).</summary>
    public int Groups { get; init; } = 1;

    /// <summary>Batch norm after the convolution (float training); folded into weights and bias for quantization.</summary>
    public bool BatchNorm { get; init; }

    /// <summary>h-swish, x·min(max(x + 3, 0), 6)/6, instead of ReLU (<see cref="Relu"/> must then be false).</summary>
    public bool HSwish { get; init; }

    /// <summary>The layer whose output this layer reads (<see cref="NetworkInput"/> for the image); null = the previous layer.</summary>
    public int? Source { get; init; }

    /// <summary>A layer whose output is added to this layer's (after batch norm, before the activation); null = none.</summary>
    public int? Residual { get; init; }

    /// <summary>A fully connected layer that reads the global average over the source's spatial positions.</summary>
    public bool GlobalPool { get; init; }

    /// <summary>Input channels per group.</summary>
    public int ChannelsPerGroup => InputChannels / Groups;

    /// <summary>Weights per output channel: C_in/groups·k·k (the dot-product length K).</summary>
    public int FanIn => ChannelsPerGroup * Kernel * Kernel;

    public int WeightCount => OutputChannels * FanIn;

    public static LayerSpec Conv(string name, int inChannels, int outChannels, int kernel, int padding, bool pool) =>
        new(name, LayerKind.Conv, inChannels, outChannels) { Kernel = kernel, Padding = padding, MaxPool = pool };

    public static LayerSpec Fc(string name, int inFeatures, int outFeatures, bool relu = true) =>
        new(name, LayerKind.FullyConnected, inFeatures, outFeatures) { Relu = relu };

    /// <summary>
    /// Text for checkpoint keys: the record's text as it was before the graph fields existed, followed by
    /// only those graph fields that differ from their defaults, so the keys of the sequential networks
    /// (and their cached checkpoints) stay what they were.
    /// </summary>
    public string Describe()
    {
        string legacy = string.Create(CultureInfo.InvariantCulture,
            $"LayerSpec {{ Name = {Name}, Kind = {Kind}, InputChannels = {InputChannels}, OutputChannels = {OutputChannels}, Kernel = {Kernel}, Padding = {Padding}, Relu = {Relu}, MaxPool = {MaxPool}, FanIn = {FanIn}, WeightCount = {WeightCount} }}");
        var extras = new List<string>();
        void Add(bool differs, string text)
        {
            if (differs)
            {
                extras.Add(text);
            }
        }

        Add(Stride != 1, $"stride={Stride}");
        Add(Groups != 1, $"groups={Groups}");
        Add(BatchNorm, "bn");
        Add(HSwish, "hswish");
        Add(Source is not null, $"source={Source}");
        Add(Residual is not null, $"residual={Residual}");
        Add(GlobalPool, "gap");
        return extras.Count == 0 ? legacy : legacy + " + " + string.Join(',', extras);
    }
}

/// <summary>Convolution or fully connected.</summary>
public enum LayerKind
{
    Conv,
    FullyConnected,
}
