using QuantSim.Input;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Mapping;

/// <summary>
/// Lowers a layer to its GEMM view with im2col semantics.
/// <code>
///   convolution  H x W x C input, F filters of R x S, groups g, output P x Q
///     M = P * Q          one row per output pixel
///     K = R * S * C / g  one column per element of a group's window
///     N = F / g          one column per filter of the group
///     groups = g         the g products run one after another on the array
///   fully connected      M = batch, K = input features, N = output features
///   gemm                 M, N, K as given
/// </code>
/// Invalid shapes are user input errors: they are reported together, each naming the layer.
/// </summary>
public static class GemmLowering
{
    /// <summary>Lowers one layer; <paramref name="workloadName"/> names the input in error messages.</summary>
    /// <exception cref="InputException">The layer's shape is impossible.</exception>
    public static GemmProblem Lower(Layer layer, string workloadName)
    {
        ThrowIfInvalid([layer], workloadName);
        return LowerValid(layer);
    }

    /// <summary>Lowers every layer, reporting the problems of all invalid layers in one exception.</summary>
    /// <exception cref="InputException">At least one layer's shape is impossible.</exception>
    public static IReadOnlyList<GemmProblem> LowerAll(IEnumerable<Layer> layers, string workloadName)
    {
        var list = layers.ToList();
        ThrowIfInvalid(list, workloadName);
        return list.Select(LowerValid).ToList();
    }

    private static void ThrowIfInvalid(IReadOnlyList<Layer> layers, string workloadName)
    {
        var diagnostics = new InputDiagnostics(workloadName);
        foreach (var layer in layers)
        {
            string field = string.IsNullOrWhiteSpace(layer.Name) ? "(unnamed layer)" : layer.Name;
            foreach (string problem in layer.Problems())
            {
                diagnostics.Add(0, 0, field, $"layer '{field}': {problem}");
            }

            if (layer is not (ConvLayer or FullyConnectedLayer or GemmLayer))
            {
                diagnostics.Add(0, 0, field, $"layer '{field}': layer kind {layer.GetType().Name} cannot be mapped onto the array");
            }
        }

        diagnostics.ThrowIfAny();
    }

    private static GemmProblem LowerValid(Layer layer) => layer switch
    {
        ConvLayer c => new GemmProblem(
            c.Name,
            M: checked(c.OutputHeight * c.OutputWidth),
            N: c.FiltersPerGroup,
            K: checked(c.KernelHeight * c.KernelWidth * c.ChannelsPerGroup),
            Groups: c.Groups),
        FullyConnectedLayer f => new GemmProblem(f.Name, f.Batch, f.OutputFeatures, f.InputFeatures),
        GemmLayer g => new GemmProblem(g.Name, g.M, g.N, g.K),
        _ => throw new InvalidOperationException($"Unreachable: {layer.GetType().Name} passed validation."),
    };
}
