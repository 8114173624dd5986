namespace QuantSim.Cli.Study;

/// <summary>What the accuracy side of a study trains and evaluates.</summary>
public sealed record StudyAccuracyRequest(string Model, string Dataset, int? QatEpochs, int? TestImages);
