using QuantSim.Input;
using QuantSim.Workloads;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Contract;

/// <summary>
/// The cross-check between a workload and the configured datapath: every layer's effective precision
/// (its own, or the config's) must suit the variant, and a variant that needs per-layer bit-widths
/// (mixed precision) gets them from every layer. The CLI turns these into config errors (exit code 2).
/// </summary>
public static class WorkloadPrecisionCheck
{
    public const string LayerPrecisionField = "precision";

    public static IReadOnlyList<LayerPrecisionProblem> Check(IDatapath datapath, Precision configured, Workload workload)
    {
        var problems = new List<LayerPrecisionProblem>();
        foreach (var layer in workload.Layers)
        {
            if (layer.Precision is null && datapath.RequiresLayerPrecision)
            {
                problems.Add(new(layer.Name, LayerPrecisionField,
                    $"datapath '{datapath.Name}' needs per-layer bit-widths, but layer '{layer.Name}' has none; give every layer of workload '{workload.Name}' its weight and activation bits"));
                continue;
            }

            var precision = layer.Precision ?? configured;
            foreach (var problem in datapath.CheckPrecision(precision))
            {
                problems.Add(new(layer.Name, problem.Field, $"layer '{layer.Name}' ({precision.Name}): {problem.Message} ({datapath.Name})"));
            }
        }

        return problems;
    }

    /// <summary>
    /// <see cref="Check"/> as user-input errors: one <see cref="InputError"/> per problem, located in
    /// <paramref name="workloadFile"/> at field <c>{layer}.{field}</c>, thrown together (the CLI exits 2).
    /// </summary>
    public static void ThrowIfAny(IDatapath datapath, Precision configured, Workload workload, string workloadFile)
    {
        var problems = Check(datapath, configured, workload);
        if (problems.Count > 0)
        {
            throw new InputException([.. problems.Select(p => new InputError(workloadFile, 0, 0, $"{p.Layer}.{p.Field}", p.Message))]);
        }
    }

    /// <summary>The precision a layer runs at: its own, else the configured one.</summary>
    public static Precision Effective(Layer layer, Precision configured) => layer.Precision ?? configured;
}
