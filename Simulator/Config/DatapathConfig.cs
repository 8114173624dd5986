using System.Collections.Immutable;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Config;

/// <summary>
/// The quantization datapath the array is built with: a registered variant name, the default
/// precision (layers may override it) and the variant's own options, each resolved to a value.
/// </summary>
public sealed record DatapathConfig(string Kind, Precision Precision, ImmutableSortedDictionary<string, string> Options)
{
    public string Option(string key) =>
        Options.TryGetValue(key, out string? value)
            ? value
            : throw new KeyNotFoundException($"Datapath '{Kind}' has no option '{key}'.");
}
