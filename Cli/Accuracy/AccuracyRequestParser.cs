using System.Collections.Immutable;
using QuantSim.Datapaths.Contract;
using QuantSim.Input;
using QuantSim.Workloads;
using QuantSim.Workloads.Layers;
using QuantSim.Workloads.Traces;
using QuantSim.Workloads.Torch.Data;
using QuantSim.Workloads.Torch.Models;
using QuantSim.Workloads.Torch.Quantization;

namespace QuantSim.Cli.Accuracy;

/// <summary>Turns command-line names into the accuracy library's types, with exit-code-2 errors naming the option.</summary>
public static class AccuracyRequestParser
{
    public static ModelArchitecture Model(string name) =>
        ModelArchitecture.Find(name)
        ?? throw new InputException(new InputError("--model", 0, 0, name, $"unknown model; allowed: {string.Join(", ", ModelArchitecture.All.Select(m => m.Name))}"));

    public static DatasetName Dataset(string name) =>
        DatasetNames.Parse(name)
        ?? throw new InputException(new InputError("--dataset", 0, 0, name, $"unknown dataset; allowed: {string.Join(", ", DatasetNames.All.Select(d => d.CliName()))}"));

    public static Precision Precision(string text) =>
        Workloads.Layers.Precision.TryParse(text, out var precision, out string error) && precision is not null
            ? precision
            : throw new InputException(new InputError("--precision", 0, 0, text, error));

    /// <summary>
    /// Every layer at the choice's precision (the hardware's view of a uniform precision), or with
    /// <paramref name="edgeBits"/> operands for the first and last layers; each layer's accumulator by the
    /// choice's rule for its K (<see cref="DatapathChoice.Sized"/>: sized with <c>auto</c>).
    /// </summary>
    public static QuantizationConfig Quantization(DatapathChoice datapath, ModelArchitecture model, int? edgeBits)
    {
        var body = datapath.Precision;
        var overrides = ImmutableSortedDictionary.CreateBuilder<string, Precision>(StringComparer.Ordinal);
        for (int i = 0; i < model.Layers.Length; i++)
        {
            bool edge = i == 0 || i == model.Layers.Length - 1;
            overrides[model.Layers[i].Name] = edge && edgeBits is int e ? body with { WeightBits = e, ActivationBits = e } : body;
        }

        return Checked(
            new QuantizationConfig(datapath) { FirstLastBits = null, LayerOverrides = overrides.ToImmutable() },
            model, edgeBits is null ? "--precision" : "--precision/--first-last-bits", body.Spec);
    }

    /// <summary>
    /// Per-layer bits from a QuantSim trace (Workloads/TRACES.md) that describes <paramref name="model"/>
    /// layer for layer, every layer with its precision: the same file <c>quantsim simulate --workload</c> takes.
    /// </summary>
    public static QuantizationConfig Quantization(DatapathChoice datapath, ModelArchitecture model, string tracePath)
    {
        Workload trace = QuantSimTraceReader.ReadFile(tracePath);
        var errors = model.Mismatches(trace)
            .Select(m => new InputError(tracePath, LineOf(tracePath, m.Layer), 0, m.Layer, m.Message))
            .Concat(trace.Layers.Where(l => l.Precision is null)
                .Select(l => new InputError(tracePath, LineOf(tracePath, l.Name), 0, l.Name + ".precision", "every layer needs its bits for training")))
            .ToList();
        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        // The trace's precisions whole, accumulator widths included: a w4a4acc16 layer is scored with 16-bit accumulation.
        var overrides = trace.Layers.ToImmutableSortedDictionary(l => l.Name, l => l.Precision!, StringComparer.Ordinal);
        var config = new QuantizationConfig(datapath)
        {
            FirstLastBits = null,
            LayerOverrides = overrides,
            OverridesOwnAccumulators = true,
            PrecisionName = Path.GetFileNameWithoutExtension(tracePath),
        };
        return Checked(config, model, tracePath, Path.GetFileName(tracePath));
    }

    private static QuantizationConfig Checked(QuantizationConfig config, ModelArchitecture model, string source, string field)
    {
        var problems = config.Problems(model).Distinct().ToList();
        if (problems.Count > 0)
        {
            throw new InputException([.. problems.Select(p => new InputError(source, 0, 0, field, p))]);
        }

        return config;
    }

    /// <summary>The 1-based line of the trace row of layer <paramref name="name"/> (0 when there is none).</summary>
    private static int LineOf(string path, string name)
    {
        string[] lines = File.ReadAllLines(path);
        int index = Array.FindIndex(lines, l => l.Split(',')[0].Trim() == name);
        return index + 1;
    }
}
