namespace QuantSim.Cli.Study;

/// <summary>
/// What each measured cell of a study trained on and was scored on: the float network's epochs over its first
/// <see cref="FloatImages"/> training images (null: all), QAT epochs over the first <see cref="QatImages"/>
/// training images, and the first <see cref="TestImages"/> test images (null: all).
/// </summary>
public sealed record StudyBudget(int FloatEpochs, int? FloatImages, int QatEpochs, int? QatImages, int? TestImages);
