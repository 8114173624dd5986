namespace QuantSim.Workloads.Torch.Training;

/// <summary>Reported after every mini-batch: which run, where in it, and the batch's loss.</summary>
public sealed record TrainingProgress(string Stage, int Epoch, int Epochs, int ImagesDone, int ImagesPerEpoch, double Loss);
