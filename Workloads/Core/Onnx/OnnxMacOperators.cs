using System.Collections.Immutable;
using QuantSim.Input;
using QuantSim.Workloads.Layers;

namespace QuantSim.Workloads.Onnx;

/// <summary>
/// The ONNX operators that do multiply-accumulates, mapped to QuantSim layers: Conv, Gemm and MatMul
/// in float or between DequantizeLinear outputs (QDQ form), QLinearConv and QLinearMatMul
/// (quantized operator form), ConvInteger and MatMulInteger. A layer's precision comes from the
/// integer types of its operands: the quantized tensors themselves, or what a QDQ operand was
/// dequantized from. The accumulator is 32 bits, or wider when one product needs it.
/// </summary>
internal static class OnnxMacOperators
{
    public static readonly ImmutableArray<string> All =
        ["Conv", "QLinearConv", "ConvInteger", "Gemm", "MatMul", "QLinearMatMul", "MatMulInteger"];

    public static bool Is(string opType) => All.Contains(opType);

    public static OnnxMacResult Map(OnnxNode node, string name) => node.OpType switch
    {
        "Conv" => Conv(node, name, x: 0, w: 1, bias: 2, Float(node, 0, 1)),
        "QLinearConv" => Conv(node, name, x: 0, w: 3, bias: 8, Integer(node, 0, 3, weightScale: 4, output: 7)),
        "ConvInteger" => Conv(node, name, x: 0, w: 1, bias: -1, Integer(node, 0, 1, weightScale: 3, output: -1)),
        "Gemm" => Gemm(node, name, Float(node, 0, 1)),
        "MatMul" => MatMul(node, name, a: 0, b: 1, Float(node, 0, 1)),
        "QLinearMatMul" => MatMul(node, name, a: 0, b: 3, Integer(node, 0, 3, weightScale: 4, output: 7)),
        "MatMulInteger" => MatMul(node, name, a: 0, b: 1, Integer(node, 0, 1, weightScale: 3, output: -1)),
        _ => throw new InvalidOperationException($"{node.OpType} is not a MAC operator"),
    };

    /// <summary>Precision and output type of a float operator: quantized when both operands come from DequantizeLinear.</summary>
    private static Operands Float(OnnxNode node, int activation, int weight)
    {
        var a = node.Input(activation).Quantization;
        var w = node.Input(weight).Quantization;
        if (a is not null && w is not null)
        {
            return new Operands(PrecisionOf(w.Bits, a.Bits), $"weights {w.Describe()}, activations {a.Describe()}", OnnxElementType.Float, null);
        }

        string? note = (a, w) switch
        {
            (null, not null) => "only its weights are dequantized (its activations are float): it runs at the datapath's precision",
            (not null, null) => "only its activations are dequantized (its weights are float): it runs at the datapath's precision",
            _ => null,
        };
        return new Operands(null, string.Empty, OnnxElementType.Float, note);
    }

    /// <summary>Precision of an integer operator from the element types of its two quantized operands.</summary>
    private static Operands Integer(OnnxNode node, int activation, int weight, int weightScale, int output)
    {
        var a = node.Input(activation);
        var w = node.Input(weight);
        int aBits = OnnxElementType.IntegerBits(a.ElementType) ?? throw node.Error($"input {activation} must be an integer tensor, got {OnnxElementType.Name(a.ElementType)}");
        int wBits = OnnxElementType.IntegerBits(w.ElementType) ?? throw node.Error($"input {weight} must be an integer tensor, got {OnnxElementType.Name(w.ElementType)}");
        bool perChannel = node.Has(weightScale) && node.Input(weightScale).Elements > 1;
        var wq = new OnnxQuantization(wBits, w.ElementType, perChannel);
        var aq = new OnnxQuantization(aBits, a.ElementType, false);
        int outputType = output < 0 ? OnnxElementType.Int32 : node.Optional(output)?.ElementType ?? OnnxElementType.Uint8;
        return new Operands(PrecisionOf(wBits, aBits), $"weights {wq.Describe()}, activations {aq.Describe()}", outputType, null);
    }

    private static Precision PrecisionOf(int weightBits, int activationBits) =>
        new(weightBits, activationBits, Math.Max(Precision.DefaultAccumulatorBits, weightBits + activationBits));

    private static OnnxMacResult Conv(OnnxNode node, string name, int x, int w, int bias, Operands operands)
    {
        var input = node.Input(x);
        if (input.Rank is not (3 or 4))
        {
            throw node.Error($"input {input.ShapeText} must be N x C x H x W (or N x C x L); convolutions over {Math.Max(0, input.Rank - 2)} spatial dimensions are not supported");
        }

        var weight = node.Input(w, input.Rank, "the weight");
        bool oneD = input.Rank == 3;
        int axes = input.Rank - 2;
        if (input.Shape[0] != 1)
        {
            throw node.Error($"batch {input.Shape[0]} in input {input.ShapeText}: QuantSim convolution layers are batch 1; export the model with batch 1 (a symbolic batch is taken as 1)");
        }

        long group = node.Int("group", 1);
        if (group < 1 || input.Shape[1] % group != 0 || weight.Shape[0] % group != 0 || weight.Shape[1] * group != input.Shape[1])
        {
            throw node.Error($"group {group} does not fit input channels {input.Shape[1]}, weight {weight.ShapeText} (weight is filters x channels/group x kernel)");
        }

        var kernel = weight.Shape.Skip(2).ToArray();
        if (node.Ints("kernel_shape") is { } given && !given.SequenceEqual(kernel))
        {
            throw node.Error($"attribute kernel_shape [{string.Join(", ", given)}] differs from the weight's kernel {weight.ShapeText}");
        }

        var strides = node.PositiveInts("strides", axes);
        var dilations = node.PositiveInts("dilations", axes);
        var spatial = input.Shape.Skip(2).ToArray();
        var extents = kernel.Select((k, i) => (k - 1) * dilations[i] + 1).ToArray();
        var pads = OnnxShapes.Pads(node, spatial, extents, strides);
        var outputs = spatial.Select((d, i) => OnnxShapes.WindowOutput(node, d, pads[i], extents[i], strides[i], ceil: false)).ToArray();

        // A 1-D convolution is a 2-D one over a 1 x L input.
        long[] Pad2(long[] v, long one) => oneD ? [one, v[0]] : v;
        var s = Pad2(strides, 1);
        var d2 = Pad2(dilations, 1);
        var k = Pad2(kernel, 1);
        var inHw = Pad2(spatial, 1);
        var outHw = Pad2(outputs, 1);
        var padPairs = oneD ? [(0L, 0L), pads[0]] : pads;
        foreach (long value in inHw.Concat(k).Concat(s).Concat(d2).Append(input.Shape[1]).Append(weight.Shape[0]).Append(group))
        {
            if (value > int.MaxValue)
            {
                throw node.Error($"dimension {value} exceeds {int.MaxValue}");
            }
        }

        var layer = Represent(node, name, (int)inHw[0], (int)inHw[1], (int)input.Shape[1], (int)k[0], (int)k[1], (int)weight.Shape[0],
            (int)s[0], (int)s[1], (int)d2[0], (int)d2[1], (int)group, padPairs, outHw, out string? padNote);
        layer = layer with { HasBias = bias >= 0 && node.Has(bias), Precision = operands.Precision };
        var shape = ImmutableArray.Create(1L, weight.Shape[0]).AddRange(outputs);
        return new OnnxMacResult(new OnnxTensor(shape, operands.OutputType), [layer], operands.Description, Notes(operands.Note, padNote));
    }

    /// <summary>
    /// A ConvLayer with the output size ONNX gives. QuantSim pads each side equally; an asymmetric
    /// padding (b, e) is represented by the padding and rounding that give the same output size and
    /// so the same GEMM view and MACs: (b + e) / 2 each side, rounded down or up, output rounded down or up.
    /// </summary>
    private static ConvLayer Represent(OnnxNode node, string name, int h, int w, int c, int kh, int kw, int f, int sh, int sw,
        int dh, int dw, int groups, (long Begin, long End)[] pads, long[] outputs, out string? note)
    {
        note = null;
        var candidates = pads.Select(p => new[] { (p.Begin + p.End) / 2, (p.Begin + p.End + 1) / 2 }.Distinct().ToArray()).ToArray();
        foreach (bool ceil in new[] { false, true })
        {
            foreach (long ph in candidates[0])
            {
                foreach (long pw in candidates[1])
                {
                    var layer = new ConvLayer(name, h, w, c, kh, kw, f)
                    {
                        StrideH = sh, StrideW = sw, DilationH = dh, DilationW = dw, Groups = groups,
                        PadH = (int)ph, PadW = (int)pw, CeilMode = ceil,
                    };
                    if (layer.OutputHeight != outputs[0] || layer.OutputWidth != outputs[1])
                    {
                        continue;
                    }

                    if (layer.Problems().FirstOrDefault() is { } problem)
                    {
                        throw node.Error(problem);
                    }

                    if (pads.Any(p => p.Begin != p.End))
                    {
                        note = $"padding [{string.Join(", ", pads.Select(p => $"{p.Begin}/{p.End}"))}] (begin/end per axis) is not symmetric: represented as {ph} x {pw} each side{(ceil ? " with the output rounded up" : string.Empty)}, which gives the same {outputs[0]} x {outputs[1]} output and MACs";
                    }

                    return layer;
                }
            }
        }

        throw node.Error($"padding [{string.Join(", ", pads.Select(p => $"{p.Begin}/{p.End}"))}] (begin/end per axis) cannot be represented with equal padding on each side");
    }

    private static OnnxMacResult Gemm(OnnxNode node, string name, Operands operands)
    {
        var a = node.Input(0, 2, "A");
        var b = node.Input(1, 2, "B");
        bool transA = node.Int("transA", 0) != 0;
        bool transB = node.Int("transB", 0) != 0;
        long m = transA ? a.Shape[1] : a.Shape[0];
        long k = transA ? a.Shape[0] : a.Shape[1];
        long kb = transB ? b.Shape[1] : b.Shape[0];
        long n = transB ? b.Shape[0] : b.Shape[1];
        if (k != kb)
        {
            throw node.Error($"A {a.ShapeText}{(transA ? " (transposed)" : string.Empty)} and B {b.ShapeText}{(transB ? " (transposed)" : string.Empty)} do not share an inner dimension");
        }

        Check(node, m, n, k);
        bool bias = node.Has(2);
        Layer layer = b.IsConstant
            ? new FullyConnectedLayer(name, (int)k, (int)n) { Batch = (int)m, HasBias = bias, Precision = operands.Precision }
            : new GemmLayer(name, (int)m, (int)n, (int)k) { WeightsAreParameters = false, HasBias = bias, Precision = operands.Precision };
        return new OnnxMacResult(new OnnxTensor([m, n], operands.OutputType), [layer], operands.Description, operands.Note);
    }

    /// <summary>
    /// numpy matmul: the last two axes multiply, the others broadcast as batch. A constant 2-D right
    /// operand is a fully connected layer over every row of every batch; otherwise each batch element
    /// is its own GEMM (attention: one score and one context product per head, as the zoo's BERT).
    /// </summary>
    private static OnnxMacResult MatMul(OnnxNode node, string name, int a, int b, Operands operands)
    {
        var left = node.Input(a);
        var right = node.Input(b);
        if (left.Rank == 0 || right.Rank == 0)
        {
            throw node.Error("operands must have at least one dimension");
        }

        var l = left.Rank == 1 ? ImmutableArray.Create(1L, left.Shape[0]) : left.Shape;
        var r = right.Rank == 1 ? ImmutableArray.Create(right.Shape[0], 1L) : right.Shape;
        long m = l[^2], k = l[^1], kr = r[^2], n = r[^1];
        if (k != kr)
        {
            throw node.Error($"operands {left.ShapeText} and {right.ShapeText} do not share an inner dimension");
        }

        var batch = OnnxShapes.Broadcast(node, [l[..^2], r[..^2]]);
        long batches = batch.Aggregate(1L, (p, d) => checked(p * d));
        ImmutableArray<long> shape = [.. batch, .. left.Rank == 1 ? Array.Empty<long>() : [m], .. right.Rank == 1 ? Array.Empty<long>() : [n]];
        var output = new OnnxTensor(shape, operands.OutputType);
        bool weights = right.IsConstant;
        if (weights && r.Length == 2)
        {
            long rows = checked(batches * m);
            Check(node, rows, n, k);
            return new OnnxMacResult(output, [new FullyConnectedLayer(name, (int)k, (int)n) { Batch = (int)rows, Precision = operands.Precision }], operands.Description, operands.Note);
        }

        Check(node, m, n, k);
        if (batches > InputLimits.Layers)
        {
            throw node.Error($"{batches} batch elements would be {batches} layers; a workload may have at most {InputLimits.Layers}");
        }

        var layers = Enumerable.Range(0, (int)batches)
            .Select(i => (Layer)new GemmLayer(batches == 1 ? name : $"{name}.{i}", (int)m, (int)n, (int)k) { WeightsAreParameters = weights, Precision = operands.Precision })
            .ToList();
        return new OnnxMacResult(output, layers, operands.Description, operands.Note);
    }

    private static void Check(OnnxNode node, long m, long n, long k)
    {
        if (m < 1 || n < 1 || k < 1 || m > int.MaxValue || n > int.MaxValue || k > int.MaxValue)
        {
            throw node.Error($"GEMM sizes M {m}, N {n}, K {k} must be between 1 and {int.MaxValue}");
        }
    }

    private static string? Notes(string? a, string? b) => (a, b) switch
    {
        (null, _) => b,
        (_, null) => a,
        _ => $"{a}; {b}",
    };

    private sealed record Operands(Precision? Precision, string Description, int OutputType, string? Note);
}
