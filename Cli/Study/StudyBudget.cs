namespace QuantSim.Cli.Study;

/// <summary>
/// What each measured cell of a study trained on and was scored on: QAT epochs over the first
/// <see cref="QatImages"/> training images, and the first <see cref="TestImages"/> test images (null: all).
/// </summary>
public sealed record StudyBudget(int QatEpochs, int? QatImages, int? TestImages);
