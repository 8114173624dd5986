using System.Collections.Immutable;
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

    public static QuantVariant Variant(string name) =>
        QuantVariants.Parse(name)
        ?? throw new InputException(new InputError("--datapath", 0, 0, name, $"unknown datapath; allowed: {string.Join(", ", QuantVariants.All.Select(v => v.CliName()))}"));

    public static Precision Precision(string text) =>
        Workloads.Layers.Precision.TryParse(text, out var precision, out _) && precision is not null
            ? precision
            : throw new InputException(new InputError("--precision", 0, 0, text, "expected w<bits>a<bits>, e.g. w8a8 or w4a4"));

    /// <summary>
    /// Every layer at the given bits (the hardware's view of a uniform precision), or with
    /// <paramref name="edgeBits"/> for the first and last layers.
    /// </summary>
    public static QuantizationConfig Quantization(QuantVariant variant, ModelArchitecture model, Precision body, int? edgeBits)
    {
        var overrides = ImmutableSortedDictionary.CreateBuilder<string, LayerBits>(StringComparer.Ordinal);
        for (int i = 0; i < model.Layers.Length; i++)
        {
            bool edge = i == 0 || i == model.Layers.Length - 1;
            overrides[model.Layers[i].Name] = edge && edgeBits is int e ? new LayerBits(e, e) : new LayerBits(body.WeightBits, body.ActivationBits);
        }

        return Checked(
            new QuantizationConfig(variant, body.WeightBits, body.ActivationBits) { FirstLastBits = null, LayerOverrides = overrides.ToImmutable() },
            model, edgeBits is null ? "--precision" : "--precision/--first-last-bits", body.Name);
    }

    /// <summary>
    /// Per-layer bits from a QuantSim trace (Workloads/TRACES.md) that describes <paramref name="model"/>
    /// layer for layer, every layer with its precision: the same file <c>quantsim simulate --workload</c> takes.
    /// </summary>
    public static QuantizationConfig Quantization(QuantVariant variant, ModelArchitecture model, string tracePath)
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

        var overrides = trace.Layers.ToImmutableSortedDictionary(l => l.Name, l => new LayerBits(l.Precision!.WeightBits, l.Precision.ActivationBits), StringComparer.Ordinal);
        var config = new QuantizationConfig(variant, overrides.Values.Max(b => b.Weight), overrides.Values.Max(b => b.Activation))
        {
            FirstLastBits = null,
            LayerOverrides = overrides,
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
