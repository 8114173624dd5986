using MathNet.Numerics.Distributions;

namespace QuantSim.Workloads.Torch.Statistics;

/// <summary>
/// Top-1 accuracy on a test set with its 95 % Wilson score interval
/// (Wilson 1927; <c>(p̂ + z²/2n ± z·sqrt(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n)</c>, z = Φ⁻¹(0.975)),
/// which stays inside [0, 1] and is honest near 100 %, unlike the normal approximation.
/// </summary>
public sealed record Top1Accuracy(int Correct, int Total, double Value, double Lower95, double Upper95)
{
    /// <summary>Counts correct predictions and builds the interval.</summary>
    public static Top1Accuracy Of(IReadOnlyList<int> predictions, IReadOnlyList<byte> labels)
    {
        if (predictions.Count != labels.Count || predictions.Count == 0)
        {
            throw new ArgumentException($"{predictions.Count} predictions for {labels.Count} labels");
        }

        int correct = 0;
        for (int i = 0; i < predictions.Count; i++)
        {
            correct += predictions[i] == labels[i] ? 1 : 0;
        }

        return FromCounts(correct, predictions.Count);
    }

    public static Top1Accuracy FromCounts(int correct, int total)
    {
        double z = Normal.InvCDF(0, 1, 0.975);
        double n = total, p = correct / n, z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return new Top1Accuracy(correct, total, p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
