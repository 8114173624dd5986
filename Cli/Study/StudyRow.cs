namespace QuantSim.Cli.Study;

/// <summary>One variant x precision of the study: hardware on the trained model and on the ImageNet-scale network, and accuracy over the seeds.</summary>
public sealed record StudyRow(StudyVariant Variant, StudyPrecision Precision, HardwarePoint Model, HardwarePoint Large, CellAccuracy? Accuracy);
