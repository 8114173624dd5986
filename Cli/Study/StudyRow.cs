namespace QuantSim.Cli.Study;

/// <summary>One variant x precision of the study: hardware on the trained model and on the ImageNet-scale network, and accuracy.</summary>
public sealed record StudyRow(StudyVariant Variant, StudyPrecision Precision, HardwarePoint Model, HardwarePoint Large, AccuracyPoint? Accuracy);
