namespace QuantSim.Workloads.Torch.Quantization;

/// <summary>Bit widths of one weight layer: its weights (signed) and its input activations (unsigned).</summary>
public sealed record LayerBits(int Weight, int Activation)
{
    public override string ToString() => $"w{Weight}a{Activation}";
}
