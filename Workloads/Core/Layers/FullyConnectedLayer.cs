namespace QuantSim.Workloads.Layers;

/// <summary>A fully connected layer: <see cref="Batch"/> input vectors of <see cref="InputFeatures"/>.</summary>
public sealed record FullyConnectedLayer(string Name, int InputFeatures, int OutputFeatures) : Layer(Name)
{
    public int Batch { get; init; } = 1;

    public override long Macs => (long)Batch * InputFeatures * OutputFeatures;

    public override long Parameters => (long)InputFeatures * OutputFeatures + PerChannelParameters;

    public override int OutputChannels => OutputFeatures;

    public override IEnumerable<string> Problems()
    {
        if (InputFeatures <= 0 || OutputFeatures <= 0 || Batch <= 0)
        {
            yield return $"input features, output features and batch must be positive, got {InputFeatures}, {OutputFeatures}, {Batch}";
        }
    }
}
