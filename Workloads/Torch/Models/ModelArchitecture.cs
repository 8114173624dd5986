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

    /// <summary>
    /// ResNet-20 as in He et al. 2016, Sec. 4.2 (CIFAR-style: a 3x3x16 stem, three stages of three basic
    /// blocks at 16, 32 and 64 channels, stride 2 at the first block of stages 2 and 3, global average
    /// pool, FC 64-10), on 28x28x1 Fashion-MNIST. Every convolution has batch norm; the two shape-changing
    /// shortcuts are 1x1 stride-2 projections with batch norm (option B), since an integer datapath adds
    /// two tensors of one shape. The residual addition sits on the block's last layer: the second 3x3
    /// conv for identity blocks, the projection for downsampling blocks (which reads the block input).
    /// </summary>
    public static ModelArchitecture ResNet20 { get; } = BuildResNet20();

    /// <summary>
    /// A small MobileNetV2-style network with h-swish (Sandler et al. 2018; h-swish from MobileNetV3,
    /// Howard et al. 2019) for 28x28x1: stem 3x3x16 + h-swish; four inverted-residual blocks (1x1 expand +
    /// h-swish, 3x3 depthwise + h-swish, 1x1 linear projection, identity residual where the shape allows):
    /// 16-24 (stride 2, expand 2), 24-24 (expand 3), 24-40 (stride 2, expand 3), 40-40 (expand 3); head 1x1
    /// 40-128 + h-swish, global average pool, FC 128-10. Batch norm after every convolution.
    /// </summary>
    public static ModelArchitecture MobileNetHSwish { get; } = BuildMobileNet();

    public static IReadOnlyList<ModelArchitecture> All { get; } = [LeNet5, SmallCnn, ResNet20, MobileNetHSwish];

    /// <summary>The architecture with command-line name <paramref name="name"/>, or null.</summary>
    public static ModelArchitecture? Find(string name) => All.FirstOrDefault(m => m.Name == name);

    /// <summary>Whether any layer reads anything but its predecessor or adds a residual (a graph, not a chain).</summary>
    public bool IsGraph => Layers.Any(l => l.Source is not null || l.Residual is not null || l.GlobalPool);

    /// <summary>The index of the tensor layer <paramref name="i"/> reads: a layer index or <see cref="LayerSpec.NetworkInput"/>.</summary>
    public int SourceOf(int i) => Layers[i].Source ?? i - 1;

    /// <summary>Spatial side of each layer's input (1 for fully connected layers).</summary>
    public ImmutableArray<int> InputSides() => [.. Enumerable.Range(0, Layers.Length).Select(i => Layers[i].Kind == LayerKind.FullyConnected ? 1 : SideOf(SourceOf(i)))];

    /// <summary>Spatial side of tensor <paramref name="t"/> (a layer's output after its pool, or the input).</summary>
    public int SideOf(int t)
    {
        if (t == LayerSpec.NetworkInput)
        {
            return InputSide;
        }

        LayerSpec layer = Layers[t];
        if (layer.Kind == LayerKind.FullyConnected)
        {
            return 1;
        }

        int side = ConvOutputSide(t);
        return layer.MaxPool ? side / 2 : side;
    }

    /// <summary>Output side of conv layer <paramref name="i"/> before any pooling.</summary>
    public int ConvOutputSide(int i)
    {
        LayerSpec layer = Layers[i];
        return (SideOf(SourceOf(i)) + 2 * layer.Padding - layer.Kernel) / layer.Stride + 1;
    }

    /// <summary>Channels of tensor <paramref name="t"/>.</summary>
    public int ChannelsOf(int t) => t == LayerSpec.NetworkInput ? InputChannels : Layers[t].OutputChannels;

    /// <summary>
    /// The layer whose input quantizer gives tensor <paramref name="t"/> its codes: the first layer that reads
    /// it (not through a global pool), or null when none does (then <paramref name="t"/> has its own output
    /// quantizer, see <see cref="HasOwnOutputQuantizer"/>). One tensor has one set of codes however many
    /// layers read it, as in an integer datapath's activation buffer.
    /// </summary>
    public int? QuantizingReader(int t)
    {
        for (int j = 0; j < Layers.Length; j++)
        {
            if (SourceOf(j) == t && !Layers[j].GlobalPool)
            {
                return j;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether layer <paramref name="i"/>'s output is quantized by a quantizer of its own: it is not the
    /// classifier and no layer reads it directly (it is only added as a residual or globally pooled).
    /// </summary>
    public bool HasOwnOutputQuantizer(int i) => i < Layers.Length - 1 && QuantizingReader(i) is null;

    /// <summary>
    /// Whose input quantizer layer <paramref name="i"/>'s input goes through: a global-pool layer its own (the
    /// pooled values), any other the quantizing reader of its source.
    /// </summary>
    public int InputQuantizerOf(int i) => Layers[i].GlobalPool ? i : QuantizingReader(SourceOf(i))!.Value;

    /// <summary>What is wrong with the graph (sources, residual shapes, channels), empty when it is consistent.</summary>
    public IEnumerable<string> Problems()
    {
        for (int i = 0; i < Layers.Length; i++)
        {
            LayerSpec l = Layers[i];
            int source = SourceOf(i);
            if (source < LayerSpec.NetworkInput || source >= i)
            {
                yield return $"{l.Name}: source {source} is not an earlier layer";
                continue;
            }

            int expected = l.Kind == LayerKind.Conv || l.GlobalPool ? ChannelsOf(source) : ChannelsOf(source) * SideOf(source) * SideOf(source);
            if (l.InputChannels != expected)
            {
                yield return $"{l.Name}: {l.InputChannels} inputs, its source gives {expected}";
            }

            if (l.Groups < 1 || l.InputChannels % l.Groups != 0 || l.OutputChannels % l.Groups != 0)
            {
                yield return $"{l.Name}: {l.Groups} groups do not divide the channels";
            }

            if (l.Relu && l.HSwish)
            {
                yield return $"{l.Name}: ReLU and h-swish together";
            }

            if (l.Residual is int r)
            {
                if (r < LayerSpec.NetworkInput || r >= i || ChannelsOf(r) != l.OutputChannels || SideOf(r) != SideOf(i) || l.MaxPool || l.Kind != LayerKind.Conv)
                {
                    yield return $"{l.Name}: residual {r} is not an earlier tensor of this conv's output shape";
                }
            }

            if (l.GlobalPool && l.Kind != LayerKind.FullyConnected)
            {
                yield return $"{l.Name}: only a fully connected layer pools globally";
            }
        }
    }

    /// <summary>
    /// The simulator's view of this network: one <see cref="ConvLayer"/> or <see cref="FullyConnectedLayer"/>
    /// per weight layer (pooling, activations and residual additions carry no MACs), each with its own
    /// precision when given. Batch norm is folded into the bias for integer inference, so every layer has a
    /// bias and none a separate normalization: this is the network the integer path runs.
    /// </summary>
    public Workload ToWorkload(IReadOnlyList<Precision>? precisions = null)
    {
        var layers = ImmutableArray.CreateBuilder<Layer>(Layers.Length);
        for (int i = 0; i < Layers.Length; i++)
        {
            LayerSpec spec = Layers[i];
            int side = SideOf(SourceOf(i));
            Layer layer = spec.Kind == LayerKind.Conv
                ? new ConvLayer(spec.Name, side, side, spec.InputChannels, spec.Kernel, spec.Kernel, spec.OutputChannels)
                {
                    PadH = spec.Padding, PadW = spec.Padding, StrideH = spec.Stride, StrideW = spec.Stride, Groups = spec.Groups, HasBias = true,
                }
                : new FullyConnectedLayer(spec.Name, spec.InputChannels, spec.OutputChannels) { HasBias = true };
            layers.Add(precisions is null ? layer : layer with { Precision = precisions[i] });
        }

        return new Workload(Name, layers.MoveToImmutable());
    }

    private static ModelArchitecture BuildResNet20()
    {
        var layers = new List<LayerSpec> { Bn(LayerSpec.Conv("conv1", 1, 16, 3, 1, pool: false)) };
        int[] widths = [16, 32, 64];
        int channels = 16;
        for (int stage = 0; stage < widths.Length; stage++)
        {
            for (int block = 0; block < 3; block++)
            {
                int stride = stage > 0 && block == 0 ? 2 : 1;
                string prefix = $"layer{stage + 1}.{block}";
                int input = layers.Count - 1;
                layers.Add(Bn(LayerSpec.Conv($"{prefix}.conv1", channels, widths[stage], 3, 1, pool: false)) with { Stride = stride });
                if (stride == 1 && channels == widths[stage])
                {
                    layers.Add(Bn(LayerSpec.Conv($"{prefix}.conv2", widths[stage], widths[stage], 3, 1, pool: false)) with { Residual = input });
                }
                else
                {
                    layers.Add(Bn(LayerSpec.Conv($"{prefix}.conv2", widths[stage], widths[stage], 3, 1, pool: false)) with { Relu = false });
                    layers.Add(Bn(LayerSpec.Conv($"{prefix}.downsample", channels, widths[stage], 1, 0, pool: false))
                        with { Stride = stride, Source = input, Residual = layers.Count - 1 });
                }

                channels = widths[stage];
            }
        }

        layers.Add(LayerSpec.Fc("fc", 64, 10, relu: false) with { GlobalPool = true });
        return new ModelArchitecture("resnet20-fmnist", 1, 28, [.. layers], 10);
    }

    private static ModelArchitecture BuildMobileNet()
    {
        var layers = new List<LayerSpec> { Hs(LayerSpec.Conv("stem", 1, 16, 3, 1, pool: false)) };
        (int Out, int Expand, int Stride)[] blocks = [(24, 2, 2), (24, 3, 1), (40, 3, 2), (40, 3, 1)];
        int channels = 16;
        for (int b = 0; b < blocks.Length; b++)
        {
            var (output, expand, stride) = blocks[b];
            int input = layers.Count - 1;
            int hidden = channels * expand;
            layers.Add(Hs(LayerSpec.Conv($"block{b + 1}.expand", channels, hidden, 1, 0, pool: false)));
            layers.Add(Hs(LayerSpec.Conv($"block{b + 1}.depthwise", hidden, hidden, 3, 1, pool: false)) with { Stride = stride, Groups = hidden });
            var project = Bn(LayerSpec.Conv($"block{b + 1}.project", hidden, output, 1, 0, pool: false)) with { Relu = false };
            layers.Add(stride == 1 && channels == output ? project with { Residual = input } : project);
            channels = output;
        }

        layers.Add(Hs(LayerSpec.Conv("head", channels, 128, 1, 0, pool: false)));
        layers.Add(LayerSpec.Fc("fc", 128, 10, relu: false) with { GlobalPool = true });
        return new ModelArchitecture("mobilenet-hswish", 1, 28, [.. layers], 10);
    }

    private static LayerSpec Bn(LayerSpec layer) => layer with { BatchNorm = true };

    private static LayerSpec Hs(LayerSpec layer) => layer with { BatchNorm = true, Relu = false, HSwish = true };

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
