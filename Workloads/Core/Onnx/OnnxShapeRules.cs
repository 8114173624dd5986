using System.Collections.Immutable;

namespace QuantSim.Workloads.Onnx;

/// <summary>
/// Static shape inference for the operators that do no multiply-accumulates: each rule gives the
/// shapes (and, for small integer constants, the values) of a node's outputs from its inputs and
/// attributes, following the ONNX operator specification. The MAC operators are in <see cref="OnnxMacOperators"/>.
/// </summary>
internal static class OnnxShapeRules
{
    /// <summary>Same shape and type as the first input; the values of an integer constant carry over.</summary>
    private static readonly HashSet<string> SameShape = new(StringComparer.Ordinal)
    {
        "Relu", "LeakyRelu", "PRelu", "Sigmoid", "Tanh", "HardSigmoid", "HardSwish", "Gelu", "Erf", "Elu", "Selu",
        "Celu", "Mish", "Softplus", "Softsign", "Exp", "Log", "Sqrt", "Neg", "Abs", "Reciprocal", "Ceil", "Floor",
        "Round", "Sign", "Not", "Sin", "Cos", "Identity", "Dropout", "Clip", "Softmax", "LogSoftmax", "Hardmax",
        "BatchNormalization", "LayerNormalization", "InstanceNormalization", "GroupNormalization", "LRN",
        "LpNormalization", "MeanVarianceNormalization", "CumSum",
    };

    /// <summary>Inputs broadcast together (numpy rules).</summary>
    private static readonly HashSet<string> Broadcasting = new(StringComparer.Ordinal)
    {
        "Add", "Sub", "Mul", "Div", "Pow", "Max", "Min", "Sum", "Mean", "Equal", "Less", "LessOrEqual", "Greater",
        "GreaterOrEqual", "And", "Or", "Xor", "Where", "Mod", "BitShift",
    };

    private static readonly HashSet<string> Comparisons = new(StringComparer.Ordinal)
    {
        "Equal", "Less", "LessOrEqual", "Greater", "GreaterOrEqual", "And", "Or", "Xor", "Not",
    };

    private static readonly string[] Others =
    [
        "Cast", "QuantizeLinear", "DequantizeLinear", "MaxPool", "AveragePool", "LpPool", "GlobalAveragePool",
        "GlobalMaxPool", "Flatten", "Reshape", "Transpose", "Squeeze", "Unsqueeze", "Concat", "Split", "Slice", "Pad",
        "Gather", "Shape", "Size", "Resize", "Upsample", "ReduceMean", "ReduceSum", "ReduceMax", "ReduceMin",
        "ReduceProd", "ReduceL2", "ConstantOfShape", "Expand", "Tile", "DepthToSpace", "SpaceToDepth", "ArgMax", "ArgMin",
    ];

    /// <summary>Every operator type these rules know, for the unsupported-operator message.</summary>
    public static IEnumerable<string> Supported => SameShape.Concat(Broadcasting).Concat(Others).Append("Constant");

    public static bool Knows(string opType) => SameShape.Contains(opType) || Broadcasting.Contains(opType) || Others.Contains(opType);

    /// <summary>The node's outputs, in order (absent optional outputs of Dropout and the normalizations are left out).</summary>
    public static IReadOnlyList<OnnxTensor> Infer(OnnxNode node)
    {
        var x = node.Input(0);
        if (SameShape.Contains(node.OpType))
        {
            var same = x with { IsConstant = AllConstant(node), Quantization = node.OpType == "Identity" ? x.Quantization : null };
            return [Comparisons.Contains(node.OpType) ? same with { ElementType = OnnxElementType.Bool } : same];
        }

        if (Broadcasting.Contains(node.OpType))
        {
            var inputs = Enumerable.Range(0, node.InputCount).Select(node.Input).ToList();
            var shape = OnnxShapes.Broadcast(node, inputs.Select(t => t.Shape).ToList());
            int type = Comparisons.Contains(node.OpType) ? OnnxElementType.Bool : node.OpType == "Where" ? inputs[1].ElementType : x.ElementType;
            return [new OnnxTensor(shape, type) { IsConstant = AllConstant(node), Values = Arithmetic(node, inputs, shape) }];
        }

        return node.OpType switch
        {
            "Cast" => [x with { ElementType = (int)node.Int("to", x.ElementType), Quantization = null, IsConstant = x.IsConstant }],
            "QuantizeLinear" => [Quantize(node, x)],
            "DequantizeLinear" => [Dequantize(node, x)],
            "MaxPool" or "AveragePool" or "LpPool" => [Pool(node, x)],
            "GlobalAveragePool" or "GlobalMaxPool" => [Global(node, x)],
            "Flatten" => [Flatten(node, x)],
            "Reshape" => [Reshape(node, x)],
            "Transpose" => [Transpose(node, x)],
            "Squeeze" => [Squeeze(node, x)],
            "Unsqueeze" => [Unsqueeze(node, x)],
            "Concat" => [Concat(node)],
            "Split" => Split(node, x),
            "Slice" => [Slice(node, x)],
            "Pad" => [Pad(node, x)],
            "Gather" => [Gather(node, x)],
            "Shape" => [ShapeOf(node, x)],
            "Size" => [Derived(node, [], OnnxElementType.Int64, [x.Elements])],
            "Resize" or "Upsample" => [Resize(node, x)],
            "ReduceMean" or "ReduceSum" or "ReduceMax" or "ReduceMin" or "ReduceProd" or "ReduceL2" => [Reduce(node, x)],
            "ArgMax" or "ArgMin" => [Reduce(node, x) with { ElementType = OnnxElementType.Int64 }],
            "ConstantOfShape" => [ConstantOfShape(node)],
            "Expand" => [Expand(node, x)],
            "Tile" => [Tile(node, x)],
            "DepthToSpace" or "SpaceToDepth" => [DepthSpace(node, x)],
            _ => throw new InvalidOperationException($"no shape rule for {node.OpType}"),
        };
    }

    private static bool AllConstant(OnnxNode node) =>
        Enumerable.Range(0, node.InputCount).Where(node.Has).All(i => node.Input(i).IsConstant);

    /// <summary>A new tensor of the given shape, constant when the node's inputs are, with values when known.</summary>
    private static OnnxTensor Derived(OnnxNode node, ImmutableArray<long> shape, int type, ImmutableArray<long>? values = null) =>
        new(shape, type) { IsConstant = AllConstant(node) || values is not null, Values = values };

    /// <summary>Keeps a single-input reshaping op's quantization, so a QDQ weight transposed or reshaped still counts as quantized.</summary>
    private static OnnxTensor Reshaped(OnnxNode node, OnnxTensor x, ImmutableArray<long> shape, ImmutableArray<long>? values = null) =>
        new(shape, x.ElementType) { IsConstant = AllConstant(node), Values = values, Quantization = x.Quantization };

    /// <summary>Integer arithmetic on small constants (shape computations: batch * heads, dim / heads).</summary>
    private static ImmutableArray<long>? Arithmetic(OnnxNode node, List<OnnxTensor> inputs, ImmutableArray<long> shape)
    {
        if (node.OpType is not ("Add" or "Sub" or "Mul" or "Div") || inputs.Count != 2 || inputs.Any(t => t.Values is null))
        {
            return null;
        }

        var a = inputs[0].Values!.Value;
        var b = inputs[1].Values!.Value;
        long count = shape.Aggregate(1L, (p, d) => p * d);
        if ((a.Length != count && a.Length != 1) || (b.Length != count && b.Length != 1))
        {
            return null;
        }

        var result = new long[count];
        for (int i = 0; i < count; i++)
        {
            long l = a[a.Length == 1 ? 0 : i];
            long r = b[b.Length == 1 ? 0 : i];
            result[i] = node.OpType switch
            {
                "Add" => l + r,
                "Sub" => l - r,
                "Mul" => l * r,
                _ => r == 0 ? throw node.Error("division by zero in a constant shape computation") : l / r,
            };
        }

        return [.. result];
    }

    /// <summary>The integer type of a quantized output: the zero point's, else <c>output_dtype</c>, else uint8 (the ONNX default).</summary>
    private static OnnxTensor Quantize(OnnxNode node, OnnxTensor x)
    {
        int type = node.Optional(2)?.ElementType ?? (int)node.Int("output_dtype", 0) switch { 0 => OnnxElementType.Uint8, var t => t };
        return new OnnxTensor(x.Shape, type) { IsConstant = AllConstant(node) };
    }

    private static OnnxTensor Dequantize(OnnxNode node, OnnxTensor x)
    {
        var scale = node.Input(1);
        var quantization = OnnxElementType.IntegerBits(x.ElementType) is { } bits
            ? new OnnxQuantization(bits, x.ElementType, scale.Elements > 1)
            : null;
        return new OnnxTensor(x.Shape, OnnxElementType.Float) { IsConstant = AllConstant(node), Quantization = quantization };
    }

    private static OnnxTensor Pool(OnnxNode node, OnnxTensor x)
    {
        if (x.Rank < 3)
        {
            throw node.Error($"input must be N x C x spatial dimensions, got {x.ShapeText}");
        }

        int axes = x.Rank - 2;
        var kernel = node.PositiveInts("kernel_shape", axes);
        if (node.Attribute("kernel_shape") is null)
        {
            throw node.Error("attribute kernel_shape is required");
        }

        var strides = node.PositiveInts("strides", axes);
        var dilations = node.PositiveInts("dilations", axes);
        var spatial = x.Shape.Skip(2).ToList();
        var extents = kernel.Select((k, i) => (k - 1) * dilations[i] + 1).ToList();
        var pads = OnnxShapes.Pads(node, spatial, extents, strides);
        bool ceil = node.Int("ceil_mode", 0) != 0;
        var shape = x.Shape.Take(2).Concat(spatial.Select((d, i) => OnnxShapes.WindowOutput(node, d, pads[i], extents[i], strides[i], ceil)));
        return new OnnxTensor([.. shape], x.ElementType);
    }

    private static OnnxTensor Global(OnnxNode node, OnnxTensor x)
    {
        if (x.Rank < 3)
        {
            throw node.Error($"input must be N x C x spatial dimensions, got {x.ShapeText}");
        }

        return new OnnxTensor([.. x.Shape.Take(2), .. Enumerable.Repeat(1L, x.Rank - 2)], x.ElementType);
    }

    private static OnnxTensor Flatten(OnnxNode node, OnnxTensor x)
    {
        int axis = x.Rank == 0 ? 0 : node.Int("axis", 1) == x.Rank ? x.Rank : node.Axis(node.Int("axis", 1), x.Rank, "axis");
        long outer = x.Shape.Take(axis).Aggregate(1L, (p, d) => checked(p * d));
        long inner = x.Shape.Skip(axis).Aggregate(1L, (p, d) => checked(p * d));
        return Reshaped(node, x, [outer, inner]);
    }

    private static OnnxTensor Reshape(OnnxNode node, OnnxTensor x)
    {
        var target = node.Constant(1, "the target shape");
        bool allowZero = node.Int("allowzero", 0) != 0;
        var shape = new long[target.Length];
        int inferred = -1;
        for (int i = 0; i < target.Length; i++)
        {
            shape[i] = target[i] switch
            {
                0 when !allowZero => i < x.Rank ? x.Shape[i] : throw node.Error($"target shape dimension {i} is 0 (copy), but the input {x.ShapeText} has no dimension {i}"),
                -1 => inferred < 0 ? inferred = i : throw node.Error("target shape has more than one -1"),
                < 0 => throw node.Error($"target shape dimension {i} is {target[i]}; only -1 (inferred) and 0 (copied) are special"),
                var d => d,
            };
        }

        long known = shape.Where((_, i) => i != inferred).Aggregate(1L, (p, d) => checked(p * d));
        if (inferred >= 0)
        {
            shape[inferred] = known == 0 || x.Elements % known != 0
                ? throw node.Error($"cannot reshape {x.ShapeText} to [{string.Join(", ", target)}]: {x.Elements} elements do not divide")
                : x.Elements / known;
        }
        else if (known != x.Elements)
        {
            throw node.Error($"cannot reshape {x.ShapeText} ({x.Elements} elements) to [{string.Join(", ", shape)}] ({known} elements)");
        }

        return Reshaped(node, x, [.. shape], x.Values);
    }

    private static OnnxTensor Transpose(OnnxNode node, OnnxTensor x)
    {
        var perm = node.Ints("perm") ?? [.. Enumerable.Range(0, x.Rank).Reverse().Select(i => (long)i)];
        if (perm.Length != x.Rank || perm.Order().Select((p, i) => p == i).Any(ok => !ok))
        {
            throw node.Error($"attribute perm [{string.Join(", ", perm)}] is not a permutation of the {x.Rank} axes of {x.ShapeText}");
        }

        return Reshaped(node, x, [.. perm.Select(p => x.Shape[(int)p])]);
    }

    /// <summary>Axes from the attribute (opset up to 12) or the second input (13 on).</summary>
    private static ImmutableArray<long>? AxesOf(OnnxNode node, int input) =>
        node.Ints("axes") ?? (node.Has(input) ? node.Constant(input, "axes") : null);

    private static OnnxTensor Squeeze(OnnxNode node, OnnxTensor x)
    {
        var axes = AxesOf(node, 1)?.Select(a => node.Axis(a, x.Rank, "axis")).ToHashSet()
                   ?? Enumerable.Range(0, x.Rank).Where(i => x.Shape[i] == 1).ToHashSet();
        foreach (int axis in axes.Where(a => x.Shape[a] != 1))
        {
            throw node.Error($"cannot squeeze axis {axis} of {x.ShapeText}: its size is not 1");
        }

        return Reshaped(node, x, [.. x.Shape.Where((_, i) => !axes.Contains(i))], x.Values);
    }

    private static OnnxTensor Unsqueeze(OnnxNode node, OnnxTensor x)
    {
        var given = AxesOf(node, 1) ?? throw node.Error("axes are required (attribute, or input 1 from opset 13)");
        int rank = x.Rank + given.Length;
        var axes = given.Select(a => node.Axis(a, rank, "axis")).ToHashSet();
        var shape = new List<long>();
        int next = 0;
        for (int i = 0; i < rank; i++)
        {
            shape.Add(axes.Contains(i) ? 1 : x.Shape[next++]);
        }

        return Reshaped(node, x, [.. shape], x.Values);
    }

    private static OnnxTensor Concat(OnnxNode node)
    {
        var inputs = Enumerable.Range(0, node.InputCount).Where(node.Has).Select(node.Input).ToList();
        var first = inputs[0];
        int axis = node.Axis(node.Int("axis", 0), first.Rank, "axis");
        foreach (var t in inputs.Where(t => t.Rank != first.Rank || Enumerable.Range(0, first.Rank).Any(i => i != axis && t.Shape[i] != first.Shape[i])))
        {
            throw node.Error($"inputs {first.ShapeText} and {t.ShapeText} differ outside axis {axis}");
        }

        var shape = first.Shape.SetItem(axis, inputs.Sum(t => t.Shape[axis]));
        ImmutableArray<long>? values = first.Rank == 1 && inputs.All(t => t.Values is not null) ? [.. inputs.SelectMany(t => t.Values!.Value)] : null;
        return Derived(node, shape, first.ElementType, values);
    }

    private static List<OnnxTensor> Split(OnnxNode node, OnnxTensor x)
    {
        int axis = node.Axis(node.Int("axis", 0), x.Rank, "axis");
        int outputs = node.Proto.Output.Count;
        var parts = node.Ints("split") ?? (node.Has(1) ? node.Constant(1, "split") : null);
        if (parts is null)
        {
            long size = (x.Shape[axis] + outputs - 1) / outputs;
            parts = [.. Enumerable.Range(0, outputs).Select(i => Math.Max(0, Math.Min(size, x.Shape[axis] - i * size)))];
        }

        if (parts.Value.Length != outputs || parts.Value.Sum() != x.Shape[axis])
        {
            throw node.Error($"split [{string.Join(", ", parts.Value)}] does not divide axis {axis} of {x.ShapeText} into {outputs} outputs");
        }

        return [.. parts.Value.Select(p => Reshaped(node, x, x.Shape.SetItem(axis, p)))];
    }

    private static OnnxTensor Slice(OnnxNode node, OnnxTensor x)
    {
        var starts = node.Ints("starts") ?? node.Constant(1, "starts");
        var ends = node.Ints("ends") ?? node.Constant(2, "ends");
        bool attributes = node.Attribute("starts") is not null;
        var axes = node.Ints("axes") ?? (!attributes && node.Has(3) ? node.Constant(3, "axes") : [.. Enumerable.Range(0, starts.Length).Select(i => (long)i)]);
        var steps = !attributes && node.Has(4) ? node.Constant(4, "steps") : [.. Enumerable.Repeat(1L, starts.Length)];
        if (ends.Length != starts.Length || axes.Length != starts.Length || steps.Length != starts.Length)
        {
            throw node.Error("starts, ends, axes and steps must have the same length");
        }

        var shape = x.Shape.ToArray();
        var selected = new List<(int Axis, long Start, long Step, long Count)>();
        for (int i = 0; i < starts.Length; i++)
        {
            int axis = node.Axis(axes[i], x.Rank, "axis");
            long dim = x.Shape[axis];
            long step = steps[i] == 0 ? throw node.Error("a slice step is 0") : steps[i];
            long start = Clamp(starts[i] < 0 ? starts[i] + dim : starts[i], step > 0 ? 0 : -1, step > 0 ? dim : dim - 1);
            long end = Clamp(ends[i] < 0 && ends[i] > long.MinValue / 2 ? ends[i] + dim : ends[i], step > 0 ? 0 : -1, step > 0 ? dim : dim - 1);
            long count = Math.Max(0, step > 0 ? (end - start + step - 1) / step : (start - end - step - 1) / -step);
            shape[axis] = count;
            selected.Add((axis, start, step, count));
        }

        ImmutableArray<long>? values = null;
        if (x.Rank == 1 && x.Values is { } v && selected.Count == 1)
        {
            var (_, start, step, count) = selected[0];
            values = [.. Enumerable.Range(0, (int)count).Select(k => v[(int)(start + k * step)])];
        }

        return Reshaped(node, x, [.. shape], values);
    }

    private static long Clamp(long value, long min, long max) => Math.Max(min, Math.Min(max, value));

    private static OnnxTensor Pad(OnnxNode node, OnnxTensor x)
    {
        var pads = node.Ints("pads") ?? node.Constant(1, "pads");
        var axes = node.Has(3) ? [.. node.Constant(3, "axes").Select(a => node.Axis(a, x.Rank, "axis"))] : Enumerable.Range(0, x.Rank).ToArray();
        if (pads.Length != 2 * axes.Length)
        {
            throw node.Error($"pads must have {2 * axes.Length} values, got {pads.Length}");
        }

        var shape = x.Shape.ToArray();
        for (int i = 0; i < axes.Length; i++)
        {
            shape[axes[i]] += pads[i] + pads[i + axes.Length];
            if (shape[axes[i]] < 0)
            {
                throw node.Error($"pads [{string.Join(", ", pads)}] remove more than axis {axes[i]} of {x.ShapeText} holds");
            }
        }

        return new OnnxTensor([.. shape], x.ElementType) { IsConstant = AllConstant(node) };
    }

    private static OnnxTensor Gather(OnnxNode node, OnnxTensor x)
    {
        var indices = node.Input(1);
        int axis = node.Axis(node.Int("axis", 0), x.Rank, "axis");
        var shape = x.Shape.Take(axis).Concat(indices.Shape).Concat(x.Shape.Skip(axis + 1)).ToImmutableArray();
        ImmutableArray<long>? values = null;
        if (x.Rank == 1 && x.Values is { } data && indices.Values is { } at)
        {
            values = [.. at.Select(i => i >= -data.Length && i < data.Length ? data[(int)(i < 0 ? i + data.Length : i)] : throw node.Error($"index {i} is outside the {data.Length} values"))];
        }

        return Derived(node, shape, x.ElementType, values);
    }

    private static OnnxTensor ShapeOf(OnnxNode node, OnnxTensor x)
    {
        long start = node.Int("start", 0);
        long end = node.Int("end", x.Rank);
        int from = (int)Clamp(start < 0 ? start + x.Rank : start, 0, x.Rank);
        int to = (int)Clamp(end < 0 ? end + x.Rank : end, 0, x.Rank);
        var values = x.Shape.Skip(from).Take(Math.Max(0, to - from)).ToImmutableArray();
        return Derived(node, [values.Length], OnnxElementType.Int64, values);
    }

    private static OnnxTensor Resize(OnnxNode node, OnnxTensor x)
    {
        // Resize: X, roi, scales, sizes (opset 11 on); Upsample: X, scales. Sizes win when given.
        int sizesInput = node.OpType == "Resize" ? 3 : -1;
        int scalesInput = node.OpType == "Resize" ? (node.InputCount == 2 ? 1 : 2) : 1;
        if (sizesInput > 0 && node.Has(sizesInput))
        {
            var sizes = node.Constant(sizesInput, "sizes");
            return sizes.Length == x.Rank ? new OnnxTensor(sizes, x.ElementType) : throw node.Error($"sizes must have {x.Rank} values");
        }

        var scales = node.Input(scalesInput);
        if (scales.FloatValues is not { } factors || factors.Length != x.Rank)
        {
            throw node.Error($"scales (input {scalesInput}) must be a constant with {x.Rank} values; QuantSim infers shapes statically");
        }

        return new OnnxTensor([.. x.Shape.Select((d, i) => (long)Math.Floor(d * factors[i]))], x.ElementType);
    }

    private static OnnxTensor Reduce(OnnxNode node, OnnxTensor x)
    {
        bool keep = node.Int("keepdims", 1) != 0;
        var given = node.OpType is "ArgMax" or "ArgMin" ? [node.Int("axis", 0)] : AxesOf(node, 1);
        bool noopEmpty = node.Int("noop_with_empty_axes", 0) != 0;
        if (given is null && noopEmpty)
        {
            return new OnnxTensor(x.Shape, x.ElementType);
        }

        var axes = given?.Select(a => node.Axis(a, x.Rank, "axis")).ToHashSet() ?? Enumerable.Range(0, x.Rank).ToHashSet();
        var shape = keep
            ? x.Shape.Select((d, i) => axes.Contains(i) ? 1 : d)
            : x.Shape.Where((_, i) => !axes.Contains(i));
        return new OnnxTensor([.. shape], x.ElementType);
    }

    private static OnnxTensor ConstantOfShape(OnnxNode node)
    {
        var shape = node.Constant(0, "the shape");
        return new OnnxTensor(shape, OnnxElementType.Float) { IsConstant = true };
    }

    private static OnnxTensor Expand(OnnxNode node, OnnxTensor x)
    {
        var target = node.Constant(1, "the target shape");
        return new OnnxTensor(OnnxShapes.Broadcast(node, [x.Shape, target]), x.ElementType) { IsConstant = x.IsConstant };
    }

    private static OnnxTensor Tile(OnnxNode node, OnnxTensor x)
    {
        var repeats = node.Constant(1, "repeats");
        return repeats.Length == x.Rank
            ? new OnnxTensor([.. x.Shape.Select((d, i) => d * repeats[i])], x.ElementType) { IsConstant = x.IsConstant }
            : throw node.Error($"repeats must have {x.Rank} values");
    }

    private static OnnxTensor DepthSpace(OnnxNode node, OnnxTensor x)
    {
        long b = node.Int("blocksize", 0);
        if (x.Rank != 4 || b < 1)
        {
            throw node.Error($"needs a 4-D input and a positive blocksize, got {x.ShapeText} and {b}");
        }

        return node.OpType == "DepthToSpace"
            ? new OnnxTensor([x.Shape[0], x.Shape[1] / (b * b), x.Shape[2] * b, x.Shape[3] * b], x.ElementType)
            : new OnnxTensor([x.Shape[0], x.Shape[1] * b * b, x.Shape[2] / b, x.Shape[3] / b], x.ElementType);
    }
}
