using System.Collections.Immutable;
using QuantSim.Workloads.Layers;
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
    private readonly ModuleList<BatchNorm2d> _norms = new();
    private readonly ModuleList<nn.Module<Tensor, Tensor>> _outputQuantizers = new();
    private readonly ModuleList<nn.Module<Tensor, Tensor>> _preActivationQuantizers = new();
    private readonly Dictionary<int, int> _normOf = [];
    private readonly Dictionary<int, int> _outputQuantizerOf = [];
    private readonly Dictionary<int, int> _preActivationQuantizerOf = [];

    /// <summary>A float network with PyTorch's default initialization, U(±1/sqrt(fan_in)), drawn from <paramref name="seed"/>.</summary>
    public QuantizedNetwork(ModelArchitecture architecture, int seed) : base(architecture.Name)
    {
        Architecture = architecture;
        var random = new Random(seed);
        foreach (LayerSpec layer in architecture.Layers)
        {
            long[] shape = layer.Kind == LayerKind.Conv
                ? [layer.OutputChannels, layer.ChannelsPerGroup, layer.Kernel, layer.Kernel]
                : [layer.OutputChannels, layer.InputChannels];
            double bound = 1.0 / Math.Sqrt(layer.FanIn);
            _weights.Add(new Parameter(Uniform(random, shape, bound)));
            _biases.Add(new Parameter(Uniform(random, [layer.OutputChannels], bound)));
        }

        for (int i = 0; i < architecture.Layers.Length; i++)
        {
            if (architecture.Layers[i].BatchNorm)
            {
                _normOf[i] = _norms.Count;
                _norms.Add(nn.BatchNorm2d(architecture.Layers[i].OutputChannels));
            }
        }

        register_module("weights", _weights);
        register_module("biases", _biases);
        register_module("weight_quantizers", _weightQuantizers);
        register_module("activation_quantizers", _activationQuantizers);
        if (_norms.Count > 0)
        {
            register_module("norms", _norms);
        }
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
    /// The quantizer that gives tensor <paramref name="t"/> (a layer's output, or <see cref="LayerSpec.NetworkInput"/>)
    /// its codes: the input quantizer of the first layer that reads it, or the layer's own output quantizer.
    /// </summary>
    public ActivationQuantizer TensorQuantizer(int t) =>
        Architecture.QuantizingReader(t) is int reader
            ? ActivationQuantizer(reader)
            : (ActivationQuantizer)_outputQuantizers[_outputQuantizerOf[t]];

    /// <summary>The quantizer of an h-swish layer's input to the h-swish (its accumulators requantized), or null.</summary>
    public ActivationQuantizer? PreActivationQuantizer(int layer) =>
        _preActivationQuantizerOf.TryGetValue(layer, out int k) ? (ActivationQuantizer)_preActivationQuantizers[k] : null;

    /// <summary>Whether batch norm has been folded into the weights and biases (at quantization).</summary>
    public bool NormsFolded { get; private set; }

    /// <summary>Copies every trained value (weights, biases, batch-norm parameters and statistics) of a same-architecture float network.</summary>
    public void CopyFloatFrom(QuantizedNetwork other)
    {
        using var noGrad = no_grad();
        for (int i = 0; i < Architecture.Layers.Length; i++)
        {
            _weights[i].copy_(other._weights[i]);
            _biases[i].copy_(other._biases[i]);
        }

        for (int k = 0; k < _norms.Count; k++)
        {
            _norms[k].weight!.copy_(other._norms[k].weight!);
            _norms[k].bias!.copy_(other._norms[k].bias!);
            _norms[k].running_mean!.copy_(other._norms[k].running_mean!);
            _norms[k].running_var!.copy_(other._norms[k].running_var!);
        }
    }

    /// <summary>
    /// Folds each batch norm (its running statistics) into the convolution before it:
    /// <c>w' = w·γ/sqrt(σ² + ε)</c>, <c>b' = (b − μ)·γ/sqrt(σ² + ε) + β</c>. Quantization then trains and
    /// exports the folded weights, the ones an integer datapath stores.
    /// </summary>
    private void FoldNorms()
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        foreach (var (layer, k) in _normOf)
        {
            BatchNorm2d norm = _norms[k];
            Tensor factor = norm.weight! / (norm.running_var! + norm.eps).sqrt();
            Tensor bias = (_biases[layer] - norm.running_mean!) * factor + norm.bias!;
            _weights[layer].mul_(factor.reshape(-1, 1, 1, 1));
            _biases[layer].copy_(bias);
        }

        NormsFolded = true;
    }

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

        FoldNorms();
        Bits = config.BitsFor(Architecture);
        for (int i = 0; i < Architecture.Layers.Length; i++)
        {
            var (weights, activations) = QuantizerFactory.Create(config.Datapath, Bits[i], Architecture.Layers[i]);
            _weightQuantizers.Add(weights);
            _activationQuantizers.Add(activations);
        }

        // Extra activation quantizers of graphs, at the precision of the layer whose output they quantize.
        for (int i = 0; i < Architecture.Layers.Length; i++)
        {
            if (Architecture.HasOwnOutputQuantizer(i))
            {
                _outputQuantizerOf[i] = _outputQuantizers.Count;
                _outputQuantizers.Add(QuantizerFactory.Create(config.Datapath, Bits[i], Architecture.Layers[i]).Activations);
            }

            if (Architecture.Layers[i].HSwish)
            {
                _preActivationQuantizerOf[i] = _preActivationQuantizers.Count;
                _preActivationQuantizers.Add(QuantizerFactory.Create(config.Datapath, Bits[i], Architecture.Layers[i]).Activations);
            }
        }

        if (_outputQuantizers.Count > 0)
        {
            register_module("output_quantizers", _outputQuantizers);
        }

        if (_preActivationQuantizers.Count > 0)
        {
            register_module("pre_activation_quantizers", _preActivationQuantizers);
        }

        using (no_grad())
        using (NewDisposeScope())
        {
            // Float pass, layer by layer: each quantizer sees the float values it will quantize.
            Tensor[] outputs = new Tensor[Architecture.Layers.Length];
            for (int i = 0; i < Architecture.Layers.Length; i++)
            {
                LayerSpec spec = Architecture.Layers[i];
                Tensor x = LayerInput(i, calibration, outputs);
                WeightQuantizer(i).Initialize(_weights[i]);
                ActivationQuantizer(i).Initialize(x);
                Tensor y = Linear(i, x, _weights[i], _biases[i]);
                if (spec.Residual is int r)
                {
                    y = y + outputs[r];
                }

                if (PreActivationQuantizer(i) is { } pre)
                {
                    pre.Initialize(y);
                }

                outputs[i] = Activate(i, y);
                if (_outputQuantizerOf.TryGetValue(i, out int k))
                {
                    ((ActivationQuantizer)_outputQuantizers[k]).Initialize(outputs[i]);
                }
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

    /// <summary>
    /// Folds the batch norms into the weights (as every datapath stores them), then computes the forward pass in
    /// <paramref name="type"/> (float16 or bfloat16: the float baseline's operand format; the folded parameters are
    /// rounded to it, and libtorch's own CPU kernels compute every op in it) and switches to evaluation.
    /// </summary>
    public void UseComputeType(ScalarType type)
    {
        if (!NormsFolded)
        {
            FoldNorms();
        }

        ComputeType = type;
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
        Tensor image = input.to_type(ComputeType);
        Tensor[] outputs = new Tensor[Architecture.Layers.Length];
        for (int i = 0; i < Architecture.Layers.Length; i++)
        {
            LayerSpec spec = Architecture.Layers[i];
            Tensor weight = _weights[i].to_type(ComputeType);
            Tensor bias = _biases[i].to_type(ComputeType);
            Tensor y;
            if (!IsQuantized)
            {
                y = Linear(i, LayerInput(i, image, outputs), weight, bias);
                if (_normOf.TryGetValue(i, out int k) && !NormsFolded)
                {
                    y = _norms[k].forward(y);
                }

                if (spec.Residual is int r)
                {
                    y = y + outputs[r];
                }

                outputs[i] = Activate(i, y);
                continue;
            }

            Tensor weightScale = WeightQuantizer(i).Scale(weight).to_type(ComputeType);
            Tensor xq = ActivationQuantizer(Architecture.InputQuantizerOf(i)).forward(QuantizedLayerInput(i, image, outputs));
            Tensor wq = WeightQuantizer(i).Quantize(weight, weightScale);
            Tensor biasScale = BiasScale(i, weight);
            Tensor bq = FakeQuant.Round(bias / biasScale, training) * biasScale;
            y = Linear(i, xq, wq, bq);
            if (spec.Residual is int residual)
            {
                y = y + TensorQuantizer(residual).forward(outputs[residual]);
            }

            if (PreActivationQuantizer(i) is { } pre)
            {
                y = pre.forward(y);
            }

            outputs[i] = Activate(i, y);
        }

        return outputs[^1];
    }

    /// <summary><c>s_a·s_w[c]</c> in the compute type: the scale of layer <paramref name="i"/>'s accumulators and bias.</summary>
    private Tensor BiasScale(int i, Tensor weight)
    {
        var (activationScale, _) = ActivationQuantizer(Architecture.InputQuantizerOf(i)).Parameters();
        return activationScale.to_type(ComputeType) * WeightQuantizer(i).Scale(weight).to_type(ComputeType);
    }

    /// <summary>The float input of layer <paramref name="i"/>: its source tensor, globally averaged for a pooling layer.</summary>
    private Tensor LayerInput(int i, Tensor image, Tensor[] outputs)
    {
        int source = Architecture.SourceOf(i);
        Tensor x = source == LayerSpec.NetworkInput ? image : outputs[source];
        return Architecture.Layers[i].GlobalPool ? x.mean(new long[] { 2, 3 }) : x;
    }

    /// <summary>
    /// The input of layer <paramref name="i"/> in the quantized network before its input quantizer: the source
    /// tensor, or for a global pool the mean of the source's fake-quantized values (the integer path averages codes).
    /// </summary>
    private Tensor QuantizedLayerInput(int i, Tensor image, Tensor[] outputs)
    {
        int source = Architecture.SourceOf(i);
        Tensor x = source == LayerSpec.NetworkInput ? image : outputs[source];
        return Architecture.Layers[i].GlobalPool ? TensorQuantizer(source).forward(x).mean(new long[] { 2, 3 }) : x;
    }

    /// <summary>Layer <paramref name="i"/>'s convolution or linear map.</summary>
    private Tensor Linear(int i, Tensor x, Tensor weight, Tensor bias)
    {
        LayerSpec layer = Architecture.Layers[i];
        return layer.Kind == LayerKind.Conv
            ? F.conv2d(x, weight, bias, strides: new long[] { layer.Stride, layer.Stride }, padding: new long[] { layer.Padding, layer.Padding }, groups: layer.Groups)
            : F.linear(x.dim() > 2 ? x.flatten(1) : x, weight, bias);
    }

    /// <summary>ReLU or h-swish, then max-pool, as the architecture says.</summary>
    private Tensor Activate(int i, Tensor y)
    {
        LayerSpec layer = Architecture.Layers[i];
        if (layer.Relu)
        {
            y = F.relu(y);
        }

        if (layer.HSwish)
        {
            y = HSwish(y);
        }

        return layer.MaxPool ? F.max_pool2d(y, new long[] { 2, 2 }) : y;
    }

    private static readonly Scalar Three = 3.0.ToScalar();
    private static readonly Scalar Six = 6.0.ToScalar();
    private static readonly Scalar Zero = 0.0.ToScalar();

    /// <summary>x·min(max(x + 3, 0), 6)/6 in this operation order, the order the integer h-swish table evaluates.</summary>
    public static Tensor HSwish(Tensor x) => x * x.add(Three).clamp(Zero, Six) / Six;

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
