using System.Collections.Immutable;
using System.Text.Json.Serialization;
using QuantSim.Workloads.Layers;
using QuantSim.Workloads.Torch.Statistics;

namespace QuantSim.Workloads.Torch.Accuracy;

/// <summary>
/// What one <see cref="AccuracyRunner"/> run measured. <see cref="Integer"/> is the hardware's accuracy;
/// <see cref="Agreement"/> is the share of test images on which the integer datapath and TorchSharp's
/// fake-quantized network predict the same class. Per-image correctness is kept so two results can be
/// compared with a paired test (<see cref="McNemarTest.Compare(IReadOnlyList{bool}, IReadOnlyList{bool})"/>).
/// </summary>
public sealed record AccuracyResult(
    string Model,
    string Dataset,
    string Variant,
    string Precision,
    ImmutableArray<Precision> LayerBits,
    bool PostTrainingOnly,
    Top1Accuracy Float,
    Top1Accuracy FakeQuantized,
    Top1Accuracy Integer,
    double Agreement,
    int Disagreements,
    McNemarTest IntegerVersusFloat,
    string FloatCheckpoint,
    string QuantizedCheckpoint)
{
    /// <summary>Whether each test image was classified correctly by the integer datapath.</summary>
    [JsonIgnore]
    public ImmutableArray<bool> IntegerCorrect { get; init; } = [];

    /// <summary>Whether each test image was classified correctly by the float network.</summary>
    [JsonIgnore]
    public ImmutableArray<bool> FloatCorrect { get; init; } = [];

    /// <summary>Training images processed while fine-tuning (0 when loaded from the cache or PTQ).</summary>
    public long QatImagesTrained { get; init; }

    /// <summary>Float training images processed (0 when loaded from the cache).</summary>
    public long FloatImagesTrained { get; init; }
}
