using QuantSim.Datapaths.Contract;
using QuantSim.Workloads.Layers;
using QuantSim.Workloads.Torch.Quantization;

namespace QuantSim.Workloads.Torch.Tests;

/// <summary>The built-in datapath variants by name, as the tests choose them (each with its default settings).</summary>
public static class Variants
{
    /// <summary>The quantized variants: the float baseline (a fixed precision) quantizes nothing and is priced, not trained.</summary>
    public static IEnumerable<string> All => Quantized.Select(d => d.Name);

    /// <summary>The built-in variants that quantize, as plug-in objects.</summary>
    public static IEnumerable<IDatapath> Quantized => DatapathRegistry.Default.All.Where(d => d.FixedPrecision(DatapathSettings.Resolve(d)) is null);

    /// <summary><paramref name="name"/> is a variant, or a variant and options as on the command line (<c>lsq:activations=signed</c>).</summary>
    public static DatapathChoice Choice(string name, Precision precision)
    {
        string[] parts = name.Split(':', 2);
        var options = parts.Length == 1 ? null : parts[1].Split(',').Select(o => o.Split('=')).ToDictionary(o => o[0], o => o[1]);
        return DatapathRegistry.Default.TryGet(parts[0], out var datapath)
            ? DatapathChoice.Of(datapath, precision, options)
            : throw new ArgumentException($"no datapath '{name}'", nameof(name));
    }

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
