using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Hardware;

/// <summary>
/// What LSQ and per-channel share: a real-valued learned scale per weight tensor or per output
/// channel, unsigned activations with one real scale, a multiplier PE and the integer-multiplier output stage.
/// They differ only in the weight-scale granularity and so in the (M0, shift) parameters stored.
/// </summary>
public static class LearnedScaleParts
{
    public static DatapathQuantizers Quantizers(Precision precision, Granularity weights) => new(
        new QuantizerSpec(precision.WeightBits, true, weights, ScaleKind.Real, false),
        new QuantizerSpec(precision.ActivationBits, false, Granularity.PerTensor, ScaleKind.Real, false));

    public static HardwareInventory Inventory(string datapath, string form, Precision precision, bool perChannel)
    {
        int bw = precision.WeightBits, ba = precision.ActivationBits, acc = precision.AccumulatorBits;
        return new(
            datapath,
            form,
            precision,
            [.. InventoryParts.MultiplierMac(ba, bw, bw, ba, acc), .. InventoryParts.MultiplierOutput(acc, ba, false)],
            InventoryParts.MultiplierParameters(acc, perChannel),
            [.. InventoryParts.MultiplierPe(ba, bw, bw, ba, acc)],
            [.. InventoryParts.MultiplierOutputLane(acc, false)],
            PeThroughput.OnePerCycle);
    }
}
