using QuantSim.Workloads.Torch.Data;
using QuantSim.Workloads.Torch.Models;
using QuantSim.Workloads.Torch.Quantization;
using QuantSim.Workloads.Torch.Training;

namespace QuantSim.Workloads.Torch.Accuracy;

/// <summary>
/// One accuracy measurement: a model trained in float on a dataset, then quantized by one datapath
/// variant (quantization-aware fine-tuning, or post-training quantization when <see cref="PostTrainingOnly"/>),
/// scored in TorchSharp (fake quantization) and on the integer datapath.
/// </summary>
public sealed record AccuracyOptions(ModelArchitecture Model, DatasetName Dataset, QuantizationConfig Quantization)
{
    public TrainingOptions FloatTraining { get; init; } = TrainingOptions.FloatFor(Model);

    public TrainingOptions Qat { get; init; } = TrainingOptions.QatFor(Model);

    /// <summary>Post-training quantization: calibrate the quantizers, no fine-tuning.</summary>
    public bool PostTrainingOnly { get; init; }

    /// <summary>Training images used to initialize the quantizers (the first N of the training set).</summary>
    public int CalibrationImages { get; init; } = 256;

    /// <summary>Score on the first N test images only (null = the whole test set).</summary>
    public int? TestImages { get; init; }

    /// <summary>Intra-op threads for TorchSharp and images in parallel for integer inference.</summary>
    public int Threads { get; init; } = Math.Min(2, Environment.ProcessorCount);

    /// <summary>Where datasets are cached.</summary>
    public DataCache Cache { get; init; } = DataCache.Default();

    /// <summary>Where trained checkpoints are cached (null = <see cref="Cache"/>).</summary>
    public DataCache? CheckpointCache { get; init; }
}
