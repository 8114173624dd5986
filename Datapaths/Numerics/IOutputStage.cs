namespace QuantSim.Datapaths.Numerics;

/// <summary>
/// The per-output post-processing at the array edge: corrections, bias, rescale, rounding and clamp
/// that turn one accumulator into the next layer's integer code.
/// </summary>
public interface IOutputStage
{
    /// <summary>
    /// Whether <see cref="Finish"/> needs Σ_k x[m,k], the sum of the raw activation codes of the output's
    /// GEMM row (only the folded form with weight zero points does).
    /// </summary>
    bool NeedsActivationRowSums { get; }

    /// <summary>The output code of channel <paramref name="channel"/> from its accumulator.</summary>
    int Finish(long accumulator, int channel, long activationRowSum);
}
