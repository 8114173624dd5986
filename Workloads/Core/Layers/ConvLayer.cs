namespace QuantSim.Workloads.Layers;

/// <summary>
/// A 2-D convolution over an H x W x C input with <see cref="Filters"/> kernels of R x S, stride,
/// zero padding (per side), dilation and groups. Depthwise convolution is groups = channels;
/// pointwise is a 1 x 1 kernel.
/// </summary>
public sealed record ConvLayer(
    string Name,
    int InputHeight,
    int InputWidth,
    int InputChannels,
    int KernelHeight,
    int KernelWidth,
    int Filters) : Layer(Name)
{
    public int StrideH { get; init; } = 1;

    public int StrideW { get; init; } = 1;

    public int PadH { get; init; }

    public int PadW { get; init; }

    public int DilationH { get; init; } = 1;

    public int DilationW { get; init; } = 1;

    public int Groups { get; init; } = 1;

    /// <summary>
    /// Round the output size up instead of down, so a last window that overhangs the bottom/right
    /// edge still counts (it reads zeros). SCALE-Sim sizes every ofmap this way,
    /// <c>E = ceil((H - F + S) / S)</c>, e.g. 55 x 55 for AlexNet's 224 x 224 input, 11 x 11 kernel,
    /// stride 4, where rounding down gives 54.
    /// </summary>
    public bool CeilMode { get; init; }

    /// <summary>Kernel extent once dilated: (R-1)*d + 1.</summary>
    public int EffectiveKernelHeight => (KernelHeight - 1) * DilationH + 1;

    public int EffectiveKernelWidth => (KernelWidth - 1) * DilationW + 1;

    public int OutputHeight => OutputSize(InputHeight + 2L * PadH - EffectiveKernelHeight, StrideH);

    public int OutputWidth => OutputSize(InputWidth + 2L * PadW - EffectiveKernelWidth, StrideW);

    public override int OutputChannels => Filters;

    public int ChannelsPerGroup => InputChannels / Groups;

    public int FiltersPerGroup => Filters / Groups;

    public override long Macs =>
        (long)OutputHeight * OutputWidth * Filters * KernelHeight * KernelWidth * ChannelsPerGroup;

    public override long Parameters =>
        (long)Filters * KernelHeight * KernelWidth * ChannelsPerGroup + PerChannelParameters;

    /// <summary>A depthwise convolution: one R x S kernel per channel.</summary>
    public static ConvLayer Depthwise(string name, int height, int width, int channels, int kernel, int stride, int pad) =>
        new(name, height, width, channels, kernel, kernel, channels)
        {
            StrideH = stride, StrideW = stride, PadH = pad, PadW = pad, Groups = channels,
        };

    /// <summary>A pointwise (1 x 1) convolution.</summary>
    public static ConvLayer Pointwise(string name, int height, int width, int channels, int filters) =>
        new(name, height, width, channels, 1, 1, filters);

    public override IEnumerable<string> Problems()
    {
        foreach (var (value, what) in new[]
                 {
                     (InputHeight, "input height"), (InputWidth, "input width"), (InputChannels, "input channels"),
                     (KernelHeight, "kernel height"), (KernelWidth, "kernel width"), (Filters, "filters"),
                     (StrideH, "vertical stride"), (StrideW, "horizontal stride"), (DilationH, "vertical dilation"),
                     (DilationW, "horizontal dilation"), (Groups, "groups"),
                 })
        {
            if (value <= 0)
            {
                yield return $"{what} must be positive, got {value}";
            }
        }

        if (PadH < 0 || PadW < 0)
        {
            yield return $"padding must not be negative, got {PadH} x {PadW}";
        }

        if (Groups > 0 && (InputChannels % Groups != 0 || Filters % Groups != 0))
        {
            yield return $"channels ({InputChannels}) and filters ({Filters}) must both be divisible by groups ({Groups})";
        }

        if (KernelHeight > 0 && KernelWidth > 0 && DilationH > 0 && DilationW > 0
            && (EffectiveKernelHeight > InputHeight + 2 * PadH || EffectiveKernelWidth > InputWidth + 2 * PadW))
        {
            yield return $"kernel {EffectiveKernelHeight}x{EffectiveKernelWidth} (dilated) is larger than the padded input {InputHeight + 2 * PadH}x{InputWidth + 2 * PadW}";
        }
    }

    /// <summary>In long arithmetic: a stride near int.MaxValue (a SCALE-Sim topology allows any) overflowed slack + stride - 1.</summary>
    private int OutputSize(long slack, int stride) =>
        (int)(CeilMode && slack > 0 ? (slack + stride - 1) / stride + 1 : slack / stride + 1);
}
