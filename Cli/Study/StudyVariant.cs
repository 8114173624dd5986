using System.Collections.Immutable;

namespace QuantSim.Cli.Study;

/// <summary>A datapath variant in one hardware form, as the study compares them.</summary>
public sealed record StudyVariant(string Label, string Kind, ImmutableSortedDictionary<string, string> Options)
{
    /// <summary>Every variant, with both scale-offset forms and the bit-composable mixed-precision PE.</summary>
    public static IReadOnlyList<StudyVariant> All { get; } =
    [
        Of("fixed-point", "fixed-point"),
        Of("lsq", "lsq"),
        Of("per-channel", "per-channel"),
        Of("scale-offset/in-pe", "scale-offset", ("form", "in-pe")),
        Of("scale-offset/folded", "scale-offset", ("form", "folded")),
        Of("mixed-precision", "mixed-precision", ("pe", "bit-composable")),
    ];

    private static StudyVariant Of(string label, string kind, params (string Key, string Value)[] options) =>
        new(label, kind, options.ToImmutableSortedDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal));
}
