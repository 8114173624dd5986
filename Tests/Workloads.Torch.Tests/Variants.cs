using QuantSim.Datapaths.Contract;
using QuantSim.Workloads.Layers;
using QuantSim.Workloads.Torch.Quantization;

namespace QuantSim.Workloads.Torch.Tests;

/// <summary>The built-in datapath variants by name, as the tests choose them (each with its default settings).</summary>
public static class Variants
{
    public static IEnumerable<string> All => DatapathRegistry.Default.Names;

    public static DatapathChoice Choice(string name, Precision precision) =>
        DatapathRegistry.Default.TryGet(name, out var datapath)
            ? DatapathChoice.Of(datapath, precision)
            : throw new ArgumentException($"no datapath '{name}'", nameof(name));

    /// <summary>
    /// Every layer at <paramref name="bits"/> (first/last by the config's rule); the choice itself is made at
    /// w8a8 when the plug-in refuses the bits as a default, so tests can ask which layers it refuses.
    /// </summary>
    public static QuantizationConfig Config(string name, int bits)
    {
        var precision = new Precision(bits, bits, 32);
        var choice = Choice(name, Precision.W8A8);
        return new QuantizationConfig(choice.CheckPrecision(precision).Any() ? choice : Choice(name, precision)) { Body = precision };
    }
}
