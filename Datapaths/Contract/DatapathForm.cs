using System.Collections.Immutable;

namespace QuantSim.Datapaths.Contract;

/// <summary>
/// A hardware form of a variant that a study compares as its own point, e.g. scale-offset with the
/// zero point subtracted in every PE (<c>scale-offset/in-pe</c>): a label and the option values that
/// make it; options not given take their defaults.
/// </summary>
public sealed record DatapathForm(string Label, ImmutableSortedDictionary<string, string> Options)
{
    public static DatapathForm Of(string label, params (string Key, string Value)[] options) =>
        new(label, options.ToImmutableSortedDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal));
}
