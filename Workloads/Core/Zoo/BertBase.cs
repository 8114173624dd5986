using System.Collections.Immutable;
using QuantSim.Workloads.Layers;

namespace QuantSim.Workloads.Zoo;

/// <summary>
/// The matrix products of one BERT-base encoder layer (Devlin et al. 2019: hidden size 768, 12
/// heads of 64, feed-forward 3072) for one sequence of <c>L</c> tokens: Q, K and V projections,
/// per head the score product Q K^T (L x 64 by 64 x L) and the context product scores x V (L x L by
/// L x 64), the output projection and the two feed-forward GEMMs. Projections carry biases; the
/// two layer norms (after the output projection and after the second feed-forward GEMM) are counted
/// on the layer they follow. Softmax, GELU and residual additions add no MACs.
/// </summary>
internal static class BertBase
{
    public const int Hidden = 768;
    public const int Heads = 12;
    public const int HeadSize = Hidden / Heads;
    public const int FeedForward = 3072;

    public static Workload EncoderLayer(int sequence)
    {
        var layers = ImmutableArray.CreateBuilder<Layer>();
        layers.Add(new GemmLayer("query", sequence, Hidden, Hidden) { HasBias = true });
        layers.Add(new GemmLayer("key", sequence, Hidden, Hidden) { HasBias = true });
        layers.Add(new GemmLayer("value", sequence, Hidden, Hidden) { HasBias = true });
        for (int head = 0; head < Heads; head++)
        {
            layers.Add(new GemmLayer($"scores.{head}", sequence, sequence, HeadSize) { WeightsAreParameters = false });
        }

        for (int head = 0; head < Heads; head++)
        {
            layers.Add(new GemmLayer($"context.{head}", sequence, HeadSize, sequence) { WeightsAreParameters = false });
        }

        layers.Add(new GemmLayer("attention.output", sequence, Hidden, Hidden) { HasBias = true, HasNormalization = true });
        layers.Add(new GemmLayer("intermediate", sequence, FeedForward, Hidden) { HasBias = true });
        layers.Add(new GemmLayer("output", sequence, Hidden, FeedForward) { HasBias = true, HasNormalization = true });
        return new Workload($"bert-base-{sequence}", layers.ToImmutable());
    }
}
