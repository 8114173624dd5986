using System.Collections.Immutable;
using QuantSim.Workloads.Torch.Statistics;

namespace QuantSim.Cli.Study;

/// <summary>One QAT seed's measurement of a study cell.</summary>
public sealed record SeedAccuracy(int Seed, AccuracyPoint Point);

/// <summary>
/// The accuracy of one study cell (variant x precision): one measurement per QAT seed, every seed fine-tuned
/// from the one float checkpoint, reported as the mean and the sample standard deviation of their top-1s.
/// </summary>
public sealed record CellAccuracy(ImmutableArray<SeedAccuracy> Seeds)
{
    public double Mean => SampleStatistics.Mean(Top1s);

    /// <summary>Sample standard deviation over the seeds (n − 1), or null with one seed.</summary>
    public double? StandardDeviation => SampleStatistics.StandardDeviation(Top1s);

    /// <summary>The float network's top-1: the same checkpoint under every seed.</summary>
    public double FloatTop1 => Seeds[0].Point.FloatTop1;

    public IReadOnlyList<double> Top1s => [.. Seeds.Select(s => s.Point.Top1)];
}
