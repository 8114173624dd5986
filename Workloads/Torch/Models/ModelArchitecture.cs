using System.Collections.Immutable;
using QuantSim.Workloads.Layers;

namespace QuantSim.Workloads.Torch.Models;

/// <summary>
/// A trainable network: input geometry plus its weight layers in order. The same description builds the
/// TorchSharp module, the integer model and the simulator's <see cref="Workload"/>, so the three cannot
/// disagree on shapes.
/// </summary>
public sealed record ModelArchitecture(string Name, int InputChannels, int InputSide, ImmutableArray<LayerSpec> Layers, int Classes)
{
    /// <summary>
    /// LeNet-5 as in the workload zoo: 28x28x1 input, conv1 5x5x6 pad 2, pool, conv2 5x5x16, pool,
    /// FC 400-120, 120-84, 84-10 (ReLU and max-pool, the common modern form).
    /// </summary>
    public static ModelArchitecture LeNet5 { get; } = new("lenet5", 1, 28,
    [
        LayerSpec.Conv("conv1", 1, 6, 5, 2, pool: true),
        LayerSpec.Conv("conv2", 6, 16, 5, 0, pool: true),
        LayerSpec.Fc("fc1", 16 * 5 * 5, 120),
        LayerSpec.Fc("fc2", 120, 84),
        LayerSpec.Fc("fc3", 84, 10, relu: false),
    ], 10);

    /// <summary>
    /// A small CNN for Fashion-MNIST: conv 3x3x16 pad 1, pool, conv 3x3x32 pad 1, pool, FC 1568-128, FC 128-10.
    /// </summary>
    public static ModelArchitecture SmallCnn { get; } = new("small-cnn", 1, 28,
    [
        LayerSpec.Conv("conv1", 1, 16, 3, 1, pool: true),
        LayerSpec.Conv("conv2", 16, 32, 3, 1, pool: true),
        LayerSpec.Fc("fc1", 32 * 7 * 7, 128),
        LayerSpec.Fc("fc2", 128, 10, relu: false),
    ], 10);

    public static IReadOnlyList<ModelArchitecture> All { get; } = [LeNet5, SmallCnn];

    /// <summary>The architecture with command-line name <paramref name="name"/>, or null.</summary>
    public static ModelArchitecture? Find(string name) => All.FirstOrDefault(m => m.Name == name);

    /// <summary>Spatial side of each layer's input (1 for fully connected layers).</summary>
    public ImmutableArray<int> InputSides()
    {
        var sides = ImmutableArray.CreateBuilder<int>(Layers.Length);
        int side = InputSide;
        foreach (LayerSpec layer in Layers)
        {
            if (layer.Kind == LayerKind.FullyConnected)
            {
                sides.Add(1);
                continue;
            }

            sides.Add(side);
            side = side + 2 * layer.Padding - layer.Kernel + 1;
            side = layer.MaxPool ? side / 2 : side;
        }

        return sides.MoveToImmutable();
    }

    /// <summary>
    /// The simulator's view of this network: one <see cref="ConvLayer"/> or <see cref="FullyConnectedLayer"/>
    /// per weight layer (pooling and ReLU carry no MACs), each with its own precision when given.
    /// </summary>
    public Workload ToWorkload(IReadOnlyList<Precision>? precisions = null)
    {
        ImmutableArray<int> sides = InputSides();
        var layers = ImmutableArray.CreateBuilder<Layer>(Layers.Length);
        for (int i = 0; i < Layers.Length; i++)
        {
            LayerSpec spec = Layers[i];
            Layer layer = spec.Kind == LayerKind.Conv
                ? new ConvLayer(spec.Name, sides[i], sides[i], spec.InputChannels, spec.Kernel, spec.Kernel, spec.OutputChannels)
                {
                    PadH = spec.Padding, PadW = spec.Padding, HasBias = true,
                }
                : new FullyConnectedLayer(spec.Name, spec.InputChannels, spec.OutputChannels) { HasBias = true };
            layers.Add(precisions is null ? layer : layer with { Precision = precisions[i] });
        }

        return new Workload(Name, layers.MoveToImmutable());
    }

    /// <summary>
    /// Why <paramref name="workload"/> does not describe this network layer for layer (same names, order and
    /// shapes; precision, bias and normalization flags aside), as (layer, message) pairs; empty when it does.
    /// A trace that passes can carry per-layer bits for training here and be simulated unchanged.
    /// </summary>
    public IEnumerable<(string Layer, string Message)> Mismatches(Workload workload)
    {
        ImmutableArray<Layer> expected = ToWorkload().Layers;
        for (int i = 0; i < Math.Max(expected.Length, workload.Layers.Length); i++)
        {
            if (i >= workload.Layers.Length)
            {
                yield return (expected[i].Name, $"missing: {Name} has {expected.Length} weight layers, the trace {workload.Layers.Length}");
                continue;
            }

            Layer actual = workload.Layers[i];
            if (i >= expected.Length)
            {
                yield return (actual.Name, $"{Name} has no layer {i + 1}; it has {expected.Length} weight layers");
                continue;
            }

            Layer want = expected[i];
            if (actual.Name != want.Name)
            {
                yield return (actual.Name, $"layer {i + 1} of {Name} is '{want.Name}'");
            }
            else if (actual with { Precision = null, HasBias = want.HasBias, HasNormalization = want.HasNormalization } != want)
            {
                yield return (actual.Name, $"shape differs from {Name}'s {want.Name}: expected {want}");
            }
        }
    }
}
