namespace QuantSim.Workloads.Torch.Models;

/// <summary>
/// One weight layer of a plain feed-forward CNN as QuantSim trains and simulates it: a square-kernel
/// convolution (stride 1) or a fully connected layer, optionally followed by ReLU and a 2 x 2 max-pool.
/// Every weight layer is where quantization happens: its input activations and its weights.
/// </summary>
public sealed record LayerSpec(string Name, LayerKind Kind, int InputChannels, int OutputChannels)
{
    /// <summary>Kernel side for a convolution (1 for fully connected).</summary>
    public int Kernel { get; init; } = 1;

    /// <summary>Zero padding per side for a convolution.</summary>
    public int Padding { get; init; }

    public bool Relu { get; init; } = true;

    /// <summary>A 2 x 2, stride-2 max-pool after the ReLU.</summary>
    public bool MaxPool { get; init; }

    /// <summary>Weights per output channel: C_in·k·k (the dot-product length K).</summary>
    public int FanIn => InputChannels * Kernel * Kernel;

    public int WeightCount => OutputChannels * FanIn;

    public static LayerSpec Conv(string name, int inChannels, int outChannels, int kernel, int padding, bool pool) =>
        new(name, LayerKind.Conv, inChannels, outChannels) { Kernel = kernel, Padding = padding, MaxPool = pool };

    public static LayerSpec Fc(string name, int inFeatures, int outFeatures, bool relu = true) =>
        new(name, LayerKind.FullyConnected, inFeatures, outFeatures) { Relu = relu };
}

/// <summary>Convolution or fully connected.</summary>
public enum LayerKind
{
    Conv,
    FullyConnected,
}
