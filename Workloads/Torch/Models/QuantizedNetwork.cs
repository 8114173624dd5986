using System.Collections.Immutable;
using QuantSim.Workloads.Torch.Quantization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace QuantSim.Workloads.Torch.Models;

/// <summary>
/// A <see cref="ModelArchitecture"/> as a TorchSharp module: float weights and biases per layer and, once
/// <see cref="EnableQuantization"/> has been called, a weight quantizer and an input-activation quantizer
/// per layer (fake quantization). Biases are quantized to int32 at scale <c>s_a·s_w</c>, as the integer
/// datapath stores them. The last layer returns the logits <c>s_a·s_w·acc</c>.
/// </summary>
public sealed class QuantizedNetwork : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<nn.Module<Tensor, Tensor>> _weightQuantizers = new();
    private readonly ModuleList<nn.Module<Tensor, Tensor>> _activationQuantizers = new();
    private readonly ParameterList _weights = new();
    private readonly ParameterList _biases = new();

    /// <summary>A float network with PyTorch's default initialization, U(±1/sqrt(fan_in)), drawn from <paramref name="seed"/>.</summary>
    public QuantizedNetwork(ModelArchitecture architecture, int seed) : base(architecture.Name)
    {
        Architecture = architecture;
        var random = new Random(seed);
        foreach (LayerSpec layer in architecture.Layers)
        {
            long[] shape = layer.Kind == LayerKind.Conv
                ? [layer.OutputChannels, layer.InputChannels, layer.Kernel, layer.Kernel]
                : [layer.OutputChannels, layer.InputChannels];
            double bound = 1.0 / Math.Sqrt(layer.FanIn);
            _weights.Add(new Parameter(Uniform(random, shape, bound)));
            _biases.Add(new Parameter(Uniform(random, [layer.OutputChannels], bound)));
        }

        register_module("weights", _weights);
        register_module("biases", _biases);
        register_module("weight_quantizers", _weightQuantizers);
        register_module("activation_quantizers", _activationQuantizers);
    }

    public ModelArchitecture Architecture { get; }

    /// <summary>The quantization applied, or null for a float network.</summary>
    public QuantizationConfig? Quantization { get; private set; }

    /// <summary>Per-layer bits once quantized.</summary>
    public ImmutableArray<LayerBits> Bits { get; private set; } = [];

    public bool IsQuantized => Quantization is not null;

    public Parameter Weight(int layer) => _weights[layer];

    public Parameter Bias(int layer) => _biases[layer];

    public WeightQuantizer WeightQuantizer(int layer) => (WeightQuantizer)_weightQuantizers[layer];

    public ActivationQuantizer ActivationQuantizer(int layer) => (ActivationQuantizer)_activationQuantizers[layer];

    /// <summary>
    /// Adds the variant's quantizers and initializes them: weight steps from the float weights, activation
    /// steps from <paramref name="calibration"/> (a batch of input images) run through the float network.
    /// </summary>
    public void EnableQuantization(QuantizationConfig config, Tensor calibration)
    {
        if (IsQuantized)
        {
            throw new InvalidOperationException("the network is already quantized");
        }

        Bits = config.BitsFor(Architecture);
        for (int i = 0; i < Architecture.Layers.Length; i++)
        {
            var (weights, activations) = QuantizerFactory.Create(config.Variant, Bits[i], Architecture.Layers[i]);
            _weightQuantizers.Add(weights);
            _activationQuantizers.Add(activations);
        }

        using (no_grad())
        using (NewDisposeScope())
        {
            // Float pass, layer by layer: each activation quantizer sees the float inputs of its layer.
            Tensor x = calibration;
            for (int i = 0; i < Architecture.Layers.Length; i++)
            {
                WeightQuantizer(i).Initialize(_weights[i]);
                ActivationQuantizer(i).Initialize(x);
                x = Layer(i, x, _weights[i], _biases[i]);
            }
        }

        Quantization = config;
    }

    /// <summary>
    /// Switches to float64 for scoring and export. In float32 a layer's sum of hundreds of products carries a
    /// relative error near 1e-5, enough to move an 8-bit code across a rounding boundary in about one value
    /// in a hundred; float64 makes the fake-quantized network compute the integer datapath's exact codes
    /// except on exact ties, so the agreement rate measures the datapath, not float32 noise.
    /// </summary>
    public void UseDoublePrecision()
    {
        this.to(ScalarType.Float64);
        eval();
    }

    /// <summary>The int32 bias codes of layer <paramref name="i"/>, computed with the very tensor ops of <see cref="forward"/>.</summary>
    public int[] BiasCodes(int i)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var (activationScale, _) = ActivationQuantizer(i).Parameters();
        Tensor biasScale = activationScale * WeightQuantizer(i).Scale(_weights[i]);
        return FakeQuant.RoundHalfUp(_biases[i] / biasScale).contiguous().to_type(ScalarType.Int32).data<int>().ToArray();
    }

    public override Tensor forward(Tensor input)
    {
        Tensor x = input;
        for (int i = 0; i < Architecture.Layers.Length; i++)
        {
            if (!IsQuantized)
            {
                x = Layer(i, x, _weights[i], _biases[i]);
                continue;
            }

            var (activationScale, _) = ActivationQuantizer(i).Parameters();
            Tensor weightScale = WeightQuantizer(i).Scale(_weights[i]);
            Tensor xq = ActivationQuantizer(i).forward(x);
            Tensor wq = WeightQuantizer(i).Quantize(_weights[i], weightScale);
            Tensor biasScale = activationScale * weightScale;
            Tensor bq = FakeQuant.Round(_biases[i] / biasScale, training) * biasScale;
            x = Layer(i, xq, wq, bq);
        }

        return x;
    }

    /// <summary>Layer <paramref name="i"/>: conv or linear, then ReLU and max-pool as the architecture says.</summary>
    private Tensor Layer(int i, Tensor x, Tensor weight, Tensor bias)
    {
        LayerSpec layer = Architecture.Layers[i];
        Tensor y;
        if (layer.Kind == LayerKind.Conv)
        {
            y = F.conv2d(x, weight, bias, padding: new long[] { layer.Padding, layer.Padding });
        }
        else
        {
            y = F.linear(x.dim() > 2 ? x.flatten(1) : x, weight, bias);
        }

        if (layer.Relu)
        {
            y = F.relu(y);
        }

        return layer.MaxPool ? F.max_pool2d(y, new long[] { 2, 2 }) : y;
    }

    private static Tensor Uniform(Random random, long[] shape, double bound)
    {
        long count = shape.Aggregate(1L, (a, b) => a * b);
        var values = new float[count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)((random.NextDouble() * 2 - 1) * bound);
        }

        return tensor(values, shape);
    }
}
