using QuantSim.Input;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Mapping;

/// <summary>
/// Lowers a layer to its GEMM view (<see cref="GemmView"/>, im2col semantics), named after the layer.
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

    private static GemmProblem LowerValid(Layer layer) => GemmProblem.Of(layer.Name, GemmView.Of(layer));
}
