namespace QuantSim.Cli.Study;

/// <summary>Where the study's accuracies come from (quantized TorchSharp training plus integer inference).</summary>
public interface IStudyAccuracy
{
    /// <summary>
    /// Top-1 of the variant at the precision fine-tuned with <paramref name="qatSeed"/> (shuffle and
    /// calibration images; the float checkpoint is the same for every seed), or null when the variant cannot run it.
    /// </summary>
    AccuracyPoint? Measure(StudyVariant variant, StudyPrecision precision, int qatSeed, IProgress<string> progress);

    /// <summary>Two-sided McNemar p-value of two variants on the same test images.</summary>
    double PairedPValue(AccuracyPoint a, AccuracyPoint b);
}
