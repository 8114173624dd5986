namespace QuantSim.Datapaths.Hardware;

/// <summary>
/// A quantization parameter stored on chip for a layer (e.g. a requantization multiplier), one per
/// layer or one per output channel, each held in a whole number of bytes.
/// </summary>
public sealed record LayerParameter(string Name, int Bits, bool PerChannel)
{
    public int Bytes => (Bits + 7) / 8;
}
