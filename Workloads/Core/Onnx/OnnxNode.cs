using System.Collections.Immutable;
using Onnx;
using QuantSim.Input;

namespace QuantSim.Workloads.Onnx;

/// <summary>
/// One node of the graph with the tensors its inputs name, its attributes read by name, and errors
/// located at it: an ONNX file is binary, so a message names the file, the node's index in
/// <c>graph.node</c>, its name and its op type instead of a line.
/// </summary>
internal sealed class OnnxNode(string file, int index, NodeProto proto, IReadOnlyDictionary<string, OnnxTensor> tensors)
{
    public NodeProto Proto { get; } = proto;

    public int Index { get; } = index;

    public string OpType => Proto.OpType;

    public string Location => $"graph.node[{Index}] '{Proto.Name}' ({OpType})";

    public int InputCount => Proto.Input.Count;

    /// <summary>Whether optional input <paramref name="i"/> is given (ONNX leaves an absent one as an empty name).</summary>
    public bool Has(int i) => i < Proto.Input.Count && Proto.Input[i].Length > 0;

    public string InputName(int i) => Proto.Input[i];

    /// <summary>Input <paramref name="i"/>, which must be given and known.</summary>
    public OnnxTensor Input(int i)
    {
        if (!Has(i))
        {
            throw Error($"input {i} is missing; {OpType} needs it");
        }

        if (!tensors.TryGetValue(Proto.Input[i], out var tensor))
        {
            throw Error($"input {i} '{Proto.Input[i]}' is neither a graph input, an initializer nor the output of an earlier node (nodes must be in topological order)");
        }

        return tensor;
    }

    public OnnxTensor? Optional(int i) => Has(i) ? Input(i) : null;

    /// <summary>Input <paramref name="i"/> with exactly <paramref name="rank"/> dimensions.</summary>
    public OnnxTensor Input(int i, int rank, string what)
    {
        var tensor = Input(i);
        if (tensor.Rank != rank)
        {
            throw Error($"{what} (input {i} '{Proto.Input[i]}') must have {rank} dimensions, got {tensor.ShapeText}");
        }

        return tensor;
    }

    /// <summary>The integer values of constant input <paramref name="i"/>, which shape inference needs.</summary>
    public ImmutableArray<long> Constant(int i, string what)
    {
        var tensor = Input(i);
        if (tensor.Values is not { } values)
        {
            throw Error($"{what} (input {i} '{Proto.Input[i]}') is not an integer constant; QuantSim infers shapes statically, so it must be an initializer, a Constant or computed from them and from shapes");
        }

        return values;
    }

    public AttributeProto? Attribute(string name) => Proto.Attribute.FirstOrDefault(a => a.Name == name);

    public long Int(string name, long fallback) => Attribute(name) is { } a ? a.I : fallback;

    public string String(string name, string fallback) => Attribute(name) is { } a ? a.S.ToStringUtf8() : fallback;

    public ImmutableArray<long>? Ints(string name) => Attribute(name) is { } a ? [.. a.Ints] : null;

    /// <summary>A per-axis attribute (strides, dilations) with <paramref name="count"/> values, each at least 1.</summary>
    public long[] PositiveInts(string name, int count)
    {
        var values = Ints(name) ?? [.. Enumerable.Repeat(1L, count)];
        if (values.Length != count || values.Any(v => v < 1 || v > int.MaxValue))
        {
            throw Error($"attribute {name} must have {count} positive values, got [{string.Join(", ", values)}]");
        }

        return [.. values];
    }

    /// <summary>An axis attribute or value in -rank..rank-1, made non-negative.</summary>
    public int Axis(long axis, int rank, string what)
    {
        if (axis < -rank || axis >= rank)
        {
            throw Error($"{what} {axis} is outside -{rank}..{rank - 1} for a tensor of rank {rank}");
        }

        return (int)(axis < 0 ? axis + rank : axis);
    }

    public InputException Error(string message) => new(new InputError(file, 0, 0, Location, message));
}
