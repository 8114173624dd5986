using System.Text;
using QuantSim.Workloads.Layers;

namespace QuantSim.Workloads.Traces;

/// <summary>
/// Writes a workload as a SCALE-Sim v2 topology CSV (header row, a trailing comma on every row, as
/// SCALE-Sim ships them). SCALE-Sim knows shapes only, so precision, biases and normalization are
/// not written, and a layer is written as the SCALE-Sim layer that does the same work:
/// <list type="bullet">
/// <item>a convolution with padding, or whose output size SCALE-Sim's round-up would change, gets
/// the IFMAP size its windows actually cover, <c>F + (E - 1) x S</c>, so SCALE-Sim computes the
/// same E x E ofmap and the same MACs;</item>
/// <item>a depthwise convolution (groups = channels) is written with Num Filter = filters per
/// channel and <c>_DP</c> appended to its name unless it already contains <c>DP</c>;</item>
/// <item>a fully connected layer is a 1 x 1 convolution over a Batch x 1 IFMAP, as SCALE-Sim's own
/// ResNet-18 topology writes its FC; a GEMM in the convolution form is what SCALE-Sim's
/// <c>-i gemm</c> maps it to (IFMAP M x K, filter 1 x K, 1 channel, N filters);</item>
/// <item>in the GEMM form a fully connected layer is M = batch, N = outputs, K = inputs, and an
/// ungrouped convolution its im2col product (M = ofmap pixels, N = filters, K = window).</item>
/// </list>
/// Dilation, other group counts, and names with a comma or an accidental <c>DP</c> cannot be said
/// in the format and throw <see cref="NotSupportedException"/>.
/// </summary>
public static class ScaleSimTopologyWriter
{
    public const string ConvHeader = "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,";
    public const string GemmHeader = "Layer,M,N,K,";

    /// <summary>The GEMM form when every layer is a <see cref="GemmLayer"/>, the convolution form otherwise.</summary>
    public static ScaleSimForm PreferredForm(Workload workload) =>
        workload.Layers.All(l => l is GemmLayer) ? ScaleSimForm.Gemm : ScaleSimForm.Conv;

    public static string Write(Workload workload) => Write(workload, PreferredForm(workload));

    public static string Write(Workload workload, ScaleSimForm form)
    {
        var text = new StringBuilder();
        text.Append(form == ScaleSimForm.Gemm ? GemmHeader : ConvHeader).Append('\n');
        foreach (var layer in workload.Layers)
        {
            if (layer.Name.Contains(',') || layer.Name.Contains('\n') || layer.Name.Trim().Length == 0)
            {
                throw new NotSupportedException($"layer name '{layer.Name}' cannot be written to a SCALE-Sim topology (empty, or has a comma or line break)");
            }

            string[] fields = form == ScaleSimForm.Gemm ? GemmFields(layer) : ConvFields(layer);
            text.Append(string.Join(",", fields)).Append(",\n");
        }

        return text.ToString();
    }

    public static void WriteFile(string path, Workload workload) => File.WriteAllText(path, Write(workload));

    private static string[] ConvFields(Layer layer)
    {
        switch (layer)
        {
            case ConvLayer conv:
                if (conv.DilationH != 1 || conv.DilationW != 1)
                {
                    throw Unsupported(conv, "dilation");
                }

                bool depthwise = conv.Groups > 1 && conv.Groups == conv.InputChannels;
                if (conv.Groups > 1 && !depthwise)
                {
                    throw Unsupported(conv, $"{conv.Groups} groups (only depthwise convolutions can be written)");
                }

                bool markedDepthwise = conv.Name.Contains("DP", StringComparison.Ordinal);
                if (!depthwise && markedDepthwise)
                {
                    throw Unsupported(conv, "a name containing 'DP', which SCALE-Sim reads as depthwise");
                }

                string name = depthwise && !markedDepthwise ? conv.Name + "_DP" : conv.Name;
                var fields = new List<string>
                {
                    name,
                    N(CoveredInput(conv.InputHeight, conv.PadH, conv.KernelHeight, conv.StrideH, conv.OutputHeight, conv.CeilMode)),
                    N(CoveredInput(conv.InputWidth, conv.PadW, conv.KernelWidth, conv.StrideW, conv.OutputWidth, conv.CeilMode)),
                    N(conv.KernelHeight), N(conv.KernelWidth), N(conv.InputChannels),
                    N(depthwise ? conv.FiltersPerGroup : conv.Filters), N(conv.StrideH),
                };
                if (conv.StrideW != conv.StrideH)
                {
                    fields.Add(N(conv.StrideW));
                }

                return fields.ToArray();
            case FullyConnectedLayer fc:
                return [fc.Name, N(fc.Batch), "1", "1", "1", N(fc.InputFeatures), N(fc.OutputFeatures), "1"];
            case GemmLayer gemm:
                return [gemm.Name, N(gemm.M), N(gemm.K), "1", N(gemm.K), "1", N(gemm.N), "1"];
            default:
                throw new NotSupportedException($"layer '{layer.Name}' of type {layer.GetType().Name} has no SCALE-Sim form");
        }
    }

    private static string[] GemmFields(Layer layer) => layer switch
    {
        GemmLayer or FullyConnectedLayer or ConvLayer { Groups: 1, DilationH: 1, DilationW: 1 } => GemmRow(layer.Name, GemmView.Of(layer)),
        _ => throw Unsupported(layer, "grouping or dilation in the GEMM form"),
    };

    private static string[] GemmRow(string name, GemmView gemm) => [name, N(gemm.M), N(gemm.N), N(gemm.K)];

    /// <summary>
    /// The unpadded IFMAP size for which SCALE-Sim's <c>ceil((H - F + S) / S)</c> gives
    /// <paramref name="output"/>: the layer's own size when it already rounds up without padding,
    /// else the extent its windows cover.
    /// </summary>
    private static int CoveredInput(int input, int pad, int kernel, int stride, int output, bool ceilMode) =>
        ceilMode && pad == 0 ? input : kernel + (output - 1) * stride;

    private static NotSupportedException Unsupported(Layer layer, string what) =>
        new($"layer '{layer.Name}' has {what}, which a SCALE-Sim topology cannot express");

    private static string N(long value) => CsvText.Number(value);
}
