namespace QuantSim.Workloads.Layers;

/// <summary>
/// A plain matrix product (M x K) times (K x N), e.g. a transformer projection or an attention
/// score/context product. <see cref="WeightsAreParameters"/> is false when both operands are
/// activations (Q x K^T, scores x V), so no trainable parameters are counted.
/// </summary>
public sealed record GemmLayer(string Name, int M, int N, int K) : Layer(Name)
{
    public bool WeightsAreParameters { get; init; } = true;

    public override long Macs => (long)M * N * K;

    public override long Parameters =>
        (WeightsAreParameters ? (long)K * N : 0) + PerChannelParameters;

    public override int OutputChannels => N;

    public override IEnumerable<string> Problems()
    {
        if (M <= 0 || N <= 0 || K <= 0)
        {
            yield return $"M, N and K must be positive, got {M}, {N}, {K}";
        }
    }
}
