using System.Collections.Immutable;
using QuantSim.Workloads;
using QuantSim.Workloads.Layers;

namespace QuantSim.Cli.Study;

/// <summary>
/// A precision point of the study: uniform (every layer at <see cref="Uniform"/>) or the mixed
/// assignment, where the first and last layers keep 8 bits (they are the most sensitive, as commonly
/// done since Zhou et al. 2016) and every other layer runs at 4 bits.
/// </summary>
public sealed record StudyPrecision(string Label, Precision Uniform, bool Mixed)
{
    public static IReadOnlyList<StudyPrecision> All { get; } =
    [
        new("w8a8", new Precision(8, 8, 32), false),
        new("w4a4", new Precision(4, 4, 32), false),
        new("w3a3", new Precision(3, 3, 32), false),
        new("w2a2", new Precision(2, 2, 32), false),
        new("mixed", new Precision(4, 4, 32), true),
    ];

    public static Precision Edge { get; } = new(8, 8, 32);

    /// <summary>The one point of a form with a fixed precision (the float baseline, e.g. <c>w16a16</c>): every layer at it.</summary>
    public static StudyPrecision Native(Precision precision) => new(precision.Name, precision, false);

    /// <summary>
    /// A point of the equal-accuracy search: W-bit weights and A-bit activations in the body, the first and
    /// last layers at 8 bits (<paramref name="edgeAt8"/>, labelled <c>+fl8</c>) or at the body's bits.
    /// </summary>
    public static StudyPrecision Point(int weightBits, int activationBits, bool edgeAt8) =>
        edgeAt8 && (weightBits, activationBits) != (8, 8)
            ? new($"w{weightBits}a{activationBits}+fl8", new Precision(weightBits, activationBits, 32), true)
            : new($"w{weightBits}a{activationBits}", new Precision(weightBits, activationBits, 32), false);

    /// <summary>The bits of each layer under this point.</summary>
    public Workload Apply(Workload workload) => workload with
    {
        Layers = [.. workload.Layers.Select((l, i) => l with { Precision = Mixed && (i == 0 || i == workload.Layers.Length - 1) ? Edge : Uniform })],
    };

    /// <summary>The widest precision any layer uses: what the datapath must be built for.</summary>
    public Precision Widest => Mixed ? Edge : Uniform;

    public ImmutableArray<Precision> Distinct => Mixed ? [Edge, Uniform] : [Uniform];
}
