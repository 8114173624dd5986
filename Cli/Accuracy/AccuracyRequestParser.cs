using System.Collections.Immutable;
using QuantSim.Input;
using QuantSim.Workloads.Layers;
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

        var config = new QuantizationConfig(variant, body.WeightBits, body.ActivationBits) { FirstLastBits = null, LayerOverrides = overrides.ToImmutable() };
        var problems = config.Problems(model).Distinct().ToList();
        if (problems.Count > 0)
        {
            throw new InputException([.. problems.Select(p => new InputError(edgeBits is null ? "--precision" : "--precision/--first-last-bits", 0, 0, body.Name, p))]);
        }

        return config;
    }
}
