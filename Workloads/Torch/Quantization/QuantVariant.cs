using QuantSim.Datapaths.Contract;

namespace QuantSim.Workloads.Torch.Quantization;

/// <summary>
/// The datapath variants, named as the datapath plug-ins name themselves (<c>datapath.kind</c>).
/// </summary>
public enum QuantVariant
{
    /// <summary>Power-of-two scales for weights and activations; requantization is a rounding shift.</summary>
    FixedPoint,

    /// <summary>LSQ: learned per-tensor step sizes with LSQ's gradient scaling and initialization.</summary>
    Lsq,

    /// <summary>LSQ with one learned weight step per output channel.</summary>
    PerChannel,

    /// <summary>LSQ+: learned activation scale and offset (an integer zero point), 3-sigma weight init.</summary>
    ScaleOffset,

    /// <summary>LSQ numerics with per-layer bit widths.</summary>
    MixedPrecision,
}

/// <summary>Command-line names of <see cref="QuantVariant"/>, equal to the datapath plug-ins' names.</summary>
public static class QuantVariants
{
    public static IReadOnlyList<QuantVariant> All { get; } = Enum.GetValues<QuantVariant>();

    public static string CliName(this QuantVariant variant) => variant switch
    {
        QuantVariant.FixedPoint => "fixed-point",
        QuantVariant.Lsq => "lsq",
        QuantVariant.PerChannel => "per-channel",
        QuantVariant.ScaleOffset => "scale-offset",
        QuantVariant.MixedPrecision => "mixed-precision",
        _ => throw new ArgumentOutOfRangeException(nameof(variant)),
    };

    /// <summary>The datapath plug-in of the variant (same name), whose numerics training and inference use.</summary>
    public static IDatapath Datapath(this QuantVariant variant) =>
        DatapathRegistry.Default.TryGet(variant.CliName(), out IDatapath datapath)
            ? datapath
            : throw new InvalidOperationException($"no datapath plug-in named {variant.CliName()}");

    /// <summary>
    /// The plug-in's default settings (scale-offset: in-PE offsets, symmetric weights; mixed precision:
    /// bit-composable PE). Other forms of a variant compute the same integers (tested in the datapath tests).
    /// </summary>
    public static DatapathSettings Settings(this QuantVariant variant) => DatapathSettings.Resolve(variant.Datapath());

    /// <summary>The variant with command-line name <paramref name="name"/>, or null.</summary>
    public static QuantVariant? Parse(string name) =>
        All.Select(v => (QuantVariant?)v).FirstOrDefault(v => v!.Value.CliName() == name);
}
