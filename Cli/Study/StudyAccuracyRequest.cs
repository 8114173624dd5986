namespace QuantSim.Cli.Study;

/// <summary>
/// What the accuracy side of a study trains and evaluates: the model and dataset, and the fine-tuning and
/// test budget when it departs from the model's recipe (null: the recipe's own).
/// </summary>
public sealed record StudyAccuracyRequest(string Model, string Dataset, int? QatEpochs, int? TestImages)
{
    /// <summary>Fine-tune on the first N training images (null: the model's recipe, <c>TrainingOptions.QatFor</c>).</summary>
    public int? QatImages { get; init; }

    /// <summary>
    /// Smoke run (CI): the float network trained one epoch over the first N training images, and the fine-tuning
    /// over at most N unless <see cref="QatImages"/> says otherwise; null: the model's float recipe.
    /// </summary>
    public int? FloatImages { get; init; }

    /// <summary>
    /// Each layer's accumulator what its dot product needs (<c>accumulator_bits: auto</c>, as the study's
    /// hardware side), else the config's fixed width, which the dequantize forms at 16 bits can wrap.
    /// </summary>
    public bool SizesAccumulators { get; init; } = true;
}
