using QuantSim.Input;
using QuantSim.Workloads;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Contract;

/// <summary>
/// The cross-check between a workload and the chosen datapath: every layer's effective precision
/// (its own, or the config's) must suit the variant, and a variant that needs per-layer bit-widths
/// (mixed precision) gets them from every layer. The CLI turns these into config errors (exit code 2).
/// </summary>
public static class WorkloadPrecisionCheck
{
    public const string LayerPrecisionField = "precision";

    public static IReadOnlyList<LayerPrecisionProblem> Check(DatapathChoice choice, Workload workload)
    {
        var datapath = choice.Datapath;
        var problems = new List<LayerPrecisionProblem>();
        var bare = workload.Layers.Where(l => l.Precision is null).Select(l => l.Name).ToList();
        if (datapath.RequiresLayerPrecision && bare.Count > 0)
        {
            // One problem for all bare layers: a workload without any per-layer bits would otherwise list every layer.
            string which = bare.Count == 1
                ? $"layer '{bare[0]}' has none"
                : $"{bare.Count} layers have none ({string.Join(", ", bare.Take(3))}{(bare.Count > 3 ? $" and {bare.Count - 3} more" : string.Empty)})";
            problems.Add(new(bare[0], LayerPrecisionField,
                $"datapath '{datapath.Name}' needs per-layer bit-widths, but {which}; give every layer of workload '{workload.Name}' its weight and activation bits"));
        }

        foreach (var layer in workload.Layers.Where(l => l.Precision is not null || !datapath.RequiresLayerPrecision))
        {
            var precision = choice.For(layer);
            foreach (var problem in choice.CheckPrecision(precision))
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
    public static void ThrowIfAny(DatapathChoice choice, Workload workload, string workloadFile)
    {
        var problems = Check(choice, workload);
        if (problems.Count > 0)
        {
            throw new InputException([.. problems.Select(p => new InputError(workloadFile, 0, 0, $"{p.Layer}.{p.Field}", p.Message))]);
        }
    }
}
