using System.Collections.Immutable;
using QuantSim.Datapaths.Contract;
using QuantSim.Workloads.Layers;

namespace QuantSim.Cli.Study;

/// <summary>
/// A datapath variant in one hardware form, as the study compares them: each plug-in's own declared
/// <see cref="IDatapath.StudyForms"/>, so a new variant joins the study with no edit here.
/// </summary>
public sealed record StudyVariant(string Label, IDatapath Datapath, ImmutableSortedDictionary<string, string> Options)
{
    /// <summary>Every form of every variant of <paramref name="registry"/>, in registry order.</summary>
    public static IReadOnlyList<StudyVariant> All(DatapathRegistry registry) =>
        [.. registry.All.SelectMany(d => d.StudyForms.Select(f => new StudyVariant(f.Label, d, f.Options)))];

    /// <summary>The form at <paramref name="precision"/>, or null with why it cannot run it.</summary>
    public DatapathChoice? At(Precision precision, List<DatapathProblem> problems) =>
        DatapathChoice.TryResolve(Datapath, Options, precision, problems);

    /// <summary>
    /// Whether its activations carry an offset (a zero point: LSQ+, asymmetric quantization): the forms
    /// the headline compares with the reference at equal precision.
    /// </summary>
    public bool HasOffset { get; } = DatapathChoice.Of(Datapath, NativeOrW8A8(Datapath, Options), Options).Quantizers(NativeOrW8A8(Datapath, Options)).Activations.HasZeroPoint;

    /// <summary>
    /// The one precision the form runs at (the float baseline: its formats' widths), or null for a quantized form,
    /// which the study runs at every precision point and trains. A fixed form is priced once and never trained.
    /// </summary>
    public Precision? Fixed { get; } = DatapathChoice.FixedPrecision(Datapath, Options);

    /// <summary>The grid's precision points for this form: its fixed precision alone, or every point of the grid.</summary>
    public IReadOnlyList<StudyPrecision> Grid => Fixed is { } own ? [StudyPrecision.Native(own)] : StudyPrecision.All;

    /// <summary>
    /// What determines its integers (<see cref="DatapathChoice.NumericsKey"/>): forms that share it share one
    /// trained and scored cell, so the study's progress counts each once. Both are fixed by the form, so they
    /// are resolved once, not per cell and seed.
    /// </summary>
    public string Numerics { get; } = DatapathChoice.Of(Datapath, NativeOrW8A8(Datapath, Options), Options).NumericsKey;

    private static Precision NativeOrW8A8(IDatapath datapath, IReadOnlyDictionary<string, string> options) =>
        DatapathChoice.FixedPrecision(datapath, options) ?? Precision.W8A8;
}
