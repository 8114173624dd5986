using System.Globalization;

namespace QuantSim.Workloads.Torch.Training;

/// <summary>
/// One training run: epochs over the first <see cref="TrainImages"/> training images, shuffled per epoch
/// from <see cref="Seed"/>, mini-batches of <see cref="BatchSize"/>, a cosine learning-rate decay from
/// <see cref="LearningRate"/> to 0 over all steps.
/// </summary>
public sealed record TrainingOptions(int Epochs, int BatchSize, double LearningRate, int Seed)
{
    /// <summary>Use only the first N training images (null = all).</summary>
    public int? TrainImages { get; init; }

    /// <summary>Float training: Adam, lr 1e-3, batch 64, 4 epochs, seed 1.</summary>
    public static TrainingOptions FloatDefault { get; } = new(4, 64, 1e-3, 1);

    /// <summary>
    /// Quantization-aware fine-tuning from the float weights: SGD with momentum 0.9 and a cosine schedule
    /// from lr 0.01, as in LSQ's experiments (Esser et al. 2020, Sec. 3), one epoch, batch 64.
    /// </summary>
    public static TrainingOptions QatDefault { get; } = new(1, 64, 1e-2, 1);

    /// <summary>Every field, for checkpoint keys.</summary>
    public string Fingerprint() => string.Join(';',
        Epochs.ToString(CultureInfo.InvariantCulture), BatchSize.ToString(CultureInfo.InvariantCulture),
        LearningRate.ToString("R", CultureInfo.InvariantCulture), Seed.ToString(CultureInfo.InvariantCulture),
        TrainImages?.ToString(CultureInfo.InvariantCulture) ?? "all");
}
