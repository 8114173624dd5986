using QuantSim.Workloads.Layers;

namespace QuantSim.Workloads.Torch.Quantization;

/// <summary>Bit widths of one weight layer: its weights and its input activations.</summary>
public sealed record LayerBits(int Weight, int Activation)
{
    /// <summary>The plug-in precision of the layer: these operands and a 32-bit accumulator.</summary>
    public Precision ToPrecision() => new(Weight, Activation, 32);

    public override string ToString() => $"w{Weight}a{Activation}";
}
