using QuantSim.Workloads.Layers;

namespace QuantSim.Workloads.Torch.Integer.Fast;

/// <summary>
/// The im2col rows of one convolution group, as PE operands looked up per activation code: row m (output
/// position oh·OW + ow) holds the K operands in the order <see cref="QuantSim.Datapaths.Numerics.ConvLowering"/>
/// pairs them with the weights (tap-major, channel-minor), then zero operands up to the padded K.
/// </summary>
internal static class Im2Col
{
    // One generic body for every operand type, so the innermost loop is a table lookup with no branch on
    // the type (this loop, not the GEMM, dominated a ResNet-20 image before).
    public static void Fill<T>(ConvLayer conv, int[] input, int g, T[] rows, T[] operands, T pad, int codeMin, int k, int kPadded)
        where T : unmanaged
    {
        int cg = conv.ChannelsPerGroup;
        for (int oh = 0; oh < conv.OutputHeight; oh++)
        {
            for (int ow = 0; ow < conv.OutputWidth; ow++)
            {
                int offset = (oh * conv.OutputWidth + ow) * kPadded;
                for (int r = 0; r < conv.KernelHeight; r++)
                {
                    int h = oh * conv.StrideH + r * conv.DilationH - conv.PadH;
                    for (int s = 0; s < conv.KernelWidth; s++)
                    {
                        int w = ow * conv.StrideW + s * conv.DilationW - conv.PadW;
                        Span<T> run = rows.AsSpan(offset + (r * conv.KernelWidth + s) * cg, cg);
                        if (h >= 0 && h < conv.InputHeight && w >= 0 && w < conv.InputWidth)
                        {
                            ReadOnlySpan<int> codes = input.AsSpan((h * conv.InputWidth + w) * conv.InputChannels + g * cg, cg);
                            for (int c = 0; c < run.Length; c++)
                            {
                                run[c] = operands[codes[c] - codeMin];
                            }
                        }
                        else
                        {
                            run.Fill(pad);
                        }
                    }
                }

                rows.AsSpan(offset + k, kPadded - k).Clear();
            }
        }
    }
}
