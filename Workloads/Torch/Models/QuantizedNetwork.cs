using System.Collections.Immutable;
using QuantSim.Workloads.Layers;
using QuantSim.Workloads.Torch.Quantization;
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
    public ImmutableArray<Precision> Bits { get; private set; } = [];

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
            var (weights, activations) = QuantizerFactory.Create(config.Datapath, Bits[i], Architecture.Layers[i]);
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

    /// <summary>The floating-point type of the forward pass (float32 while training).</summary>
    public ScalarType ComputeType { get; private set; } = ScalarType.Float32;

    /// <summary>
    /// Computes the forward pass in float64 (parameters stay float32; their values convert exactly) and switches
    /// to evaluation. In float32 a layer's sum of hundreds of products carries a relative error near 1e-7 per
    /// term, enough to move codes across rounding boundaries now and then; in float64 the fake-quantized
    /// network computes the integer datapath's codes except on exact ties, so the agreement rate measures the
    /// datapath, not float32 noise. Scoring and export both use this mode.
    /// </summary>
    public void UseDoublePrecision()
    {
        ComputeType = ScalarType.Float64;
        eval();
    }

    /// <summary>The int32 bias codes of layer <paramref name="i"/>, computed with the very tensor ops of <see cref="forward"/>.</summary>
    public int[] BiasCodes(int i)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        Tensor biasScale = BiasScale(i, _weights[i].to_type(ComputeType));
        return FakeQuant.RoundHalfUp(_biases[i].to_type(ComputeType) / biasScale).contiguous().to_type(ScalarType.Int32).data<int>().ToArray();
    }

    /// <summary>The integer codes and per-channel scales of layer <paramref name="i"/>'s weights, as the forward pass quantizes them.</summary>
    public (int[] Codes, double[] Scales) WeightCodes(int i)
    {
        using var scope = NewDisposeScope();
        return WeightQuantizer(i).Export(_weights[i].to_type(ComputeType));
    }

    /// <summary>Layer <paramref name="i"/>'s weight scale per output channel (per-tensor variants repeat one value).</summary>
    public double[] WeightScales(int i) => WeightCodes(i).Scales;

    /// <summary>Layer <paramref name="i"/>'s float weights, exactly, as float64 in TorchSharp order.</summary>
    public double[] WeightValues(int i) => AsDoubles(_weights[i]);

    /// <summary>Layer <paramref name="i"/>'s float bias, exactly, as float64.</summary>
    public double[] BiasValues(int i) => AsDoubles(_biases[i]);

    public override Tensor forward(Tensor input)
    {
        Tensor x = input.to_type(ComputeType);
        for (int i = 0; i < Architecture.Layers.Length; i++)
        {
            Tensor weight = _weights[i].to_type(ComputeType);
            Tensor bias = _biases[i].to_type(ComputeType);
            if (!IsQuantized)
            {
                x = Layer(i, x, weight, bias);
                continue;
            }

            Tensor weightScale = WeightQuantizer(i).Scale(weight).to_type(ComputeType);
            Tensor xq = ActivationQuantizer(i).forward(x);
            Tensor wq = WeightQuantizer(i).Quantize(weight, weightScale);
            Tensor biasScale = BiasScale(i, weight);
            Tensor bq = FakeQuant.Round(bias / biasScale, training) * biasScale;
            x = Layer(i, xq, wq, bq);
        }

        return x;
    }

    /// <summary><c>s_a·s_w[c]</c> in the compute type: the scale of layer <paramref name="i"/>'s accumulators and bias.</summary>
    private Tensor BiasScale(int i, Tensor weight)
    {
        var (activationScale, _) = ActivationQuantizer(i).Parameters();
        return activationScale.to_type(ComputeType) * WeightQuantizer(i).Scale(weight).to_type(ComputeType);
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

    private static double[] AsDoubles(Tensor t)
    {
        using var noGrad = no_grad();
        using Tensor values = t.detach().to_type(ScalarType.Float64).contiguous();
        return values.data<double>().ToArray();
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
