using QuantSim.Datapaths.Contract;
using QuantSim.Input;
using QuantSim.Simulator.Config;
using QuantSim.Workloads;

namespace QuantSim.Cli.Commands;

/// <summary>
/// The accumulator-wrap reports (<see cref="AccumulatorWrapCheck"/>) as located lines on stderr: at the
/// config's <c>datapath.accumulator_bits</c>, or at the layer's row of the workload file for a layer with its
/// own precision. They are warnings (exit code unchanged): the run models the narrow accumulator exactly.
/// </summary>
public static class AccumulatorWarnings
{
    public const string Field = "datapath." + DatapathProblem.AccumulatorBits;

    public static IReadOnlyList<InputError> For(AcceleratorConfig config, Workload workload, string workloadFile) =>
        [.. AccumulatorWrapCheck.Check(config.Datapath, workload).Select(w => w.OwnPrecision
            ? InputErrorLocator.Locate(new InputError(workloadFile, 0, 0, $"{w.Layer}.{WorkloadPrecisionCheck.LayerPrecisionField}", w.Message))
            : InputErrorLocator.Locate(config.Origin.Locate(Field).Error(w.Message)))];

    /// <summary>
    /// The same for the accuracy path: each model layer at the precision its integer kernel runs at
    /// (<paramref name="bits"/>, from <c>QuantizationConfig.BitsFor</c>) over its GEMM view's K, located in the
    /// trace (<paramref name="tracePath"/>), else at the config's field (<paramref name="configFile"/>), else
    /// at <c>--precision</c>.
    /// </summary>
    public static IReadOnlyList<InputError> For(
        DatapathChoice choice, Workload model, IReadOnlyList<Workloads.Layers.Precision> bits, string? tracePath, string? configFile)
    {
        var layers = model.Layers.Select((l, i) => (l.Name, bits[i], Workloads.Layers.GemmView.Of(l).K, tracePath is not null));
        return [.. AccumulatorWrapCheck.Check(choice, layers).Select(w =>
            tracePath is not null ? InputErrorLocator.Locate(new InputError(tracePath, 0, 0, $"{w.Layer}.{WorkloadPrecisionCheck.LayerPrecisionField}", w.Message))
            : configFile is not null ? InputErrorLocator.Locate(new InputError(configFile, 0, 0, Field, w.Message))
            : new InputError("--precision", 0, 0, choice.Precision.Spec, w.Message))];
    }

    public static void Write(CliConsole console, IEnumerable<InputError> warnings)
    {
        foreach (var warning in warnings)
        {
            console.Error.WriteLine(warning.ToString());
        }
    }
}
