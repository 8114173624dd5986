using QuantSim.Workloads.Layers;

namespace QuantSim.Workloads.Tests.Onnx;

/// <summary>One line per layer with every field the importer sets, so a test compares a whole network against hand-derived lines.</summary>
internal static class OnnxLayerText
{
    public static string Of(Layer layer)
    {
        string precision = layer.Precision?.Spec ?? "-";
        string extras = (layer.HasBias ? " bias" : string.Empty) + (layer.HasNormalization ? " norm" : string.Empty);
        return layer switch
        {
            ConvLayer c => $"{c.Name}: conv {c.InputHeight}x{c.InputWidth}x{c.InputChannels} k{c.KernelHeight}x{c.KernelWidth} f{c.Filters} s{c.StrideH}x{c.StrideW} p{c.PadH}x{c.PadW} d{c.DilationH}x{c.DilationW} g{c.Groups}{(c.CeilMode ? " ceil" : string.Empty)}{extras} -> {c.OutputHeight}x{c.OutputWidth}, {c.Macs} MACs, {c.Parameters} params, {precision}",
            FullyConnectedLayer f => $"{f.Name}: fc batch {f.Batch} {f.InputFeatures}->{f.OutputFeatures}{extras}, {f.Macs} MACs, {f.Parameters} params, {precision}",
            GemmLayer g => $"{g.Name}: gemm {g.M}x{g.K} by {g.K}x{g.N}{(g.WeightsAreParameters ? " weights" : string.Empty)}{extras}, {g.Macs} MACs, {g.Parameters} params, {precision}",
            _ => throw new ArgumentException(layer.GetType().Name),
        };
    }
}
