using System.Buffers.Binary;
using System.Collections.Immutable;
using Google.Protobuf;
using Onnx;
using QuantSim.Input;
using QuantSim.Workloads.Layers;

namespace QuantSim.Workloads.Onnx;

/// <summary>
/// Reads an ONNX model as a workload. Shapes come from static inference over the graph, in node
/// order, from the graph inputs' declared shapes and the initializers (a symbolic dimension such
/// as a dynamic batch is taken as 1 and said so in the notes). Every MAC operator becomes one layer
/// (a batched MatMul of two activations one per batch element); every other operator is counted in
/// <see cref="OnnxImport.OperatorsWithoutMacs"/>. A batch normalization right after a MAC layer and
/// a constant bias added right after a MatMul are folded into that layer as the zoo counts them.
/// An operator no rule knows, or a shape it cannot infer, is an <see cref="InputException"/> naming
/// the node (index, name, op type).
/// </summary>
public static class OnnxModelReader
{
    public static OnnxImport ReadFile(string path) =>
        Read(path, InputFile.ReadAllBytes(path, "model (.onnx)", InputLimits.OnnxBytes), Path.GetFileNameWithoutExtension(path));

    /// <summary>Reads a serialized ModelProto; <paramref name="file"/> only labels error messages.</summary>
    public static OnnxImport Read(string file, byte[] bytes, string workloadName)
    {
        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw FileError(file, $"not an ONNX model: the protobuf does not parse ({ex.Message})");
        }

        if (model.Graph is null || model.Graph.Node.Count == 0)
        {
            throw FileError(file, "not an ONNX model, or one with an empty graph: no graph.node to read");
        }

        return new Walk(file, model.Graph).Run(workloadName);
    }

    private static InputException FileError(string file, string message) => new(new InputError(file, 0, 0, string.Empty, message));

    /// <summary>One pass over the graph, holding what is known of every tensor so far.</summary>
    private sealed class Walk(string file, GraphProto graph)
    {
        private readonly Dictionary<string, OnnxTensor> _tensors = new(StringComparer.Ordinal);
        private readonly List<Layer> _layers = [];
        private readonly List<OnnxLayerOrigin> _origins = [];
        private readonly Dictionary<string, int> _operators = new(StringComparer.Ordinal);
        private readonly List<string> _notes = [];
        private readonly Dictionary<string, int> _producedBy = new(StringComparer.Ordinal);
        private readonly HashSet<string> _names = new(StringComparer.Ordinal);

        public OnnxImport Run(string workloadName)
        {
            foreach (var initializer in graph.Initializer)
            {
                _tensors[initializer.Name] = FromTensor(initializer, $"graph.initializer '{initializer.Name}'");
            }

            foreach (var input in graph.Input.Where(i => !_tensors.ContainsKey(i.Name)))
            {
                _tensors[input.Name] = FromValueInfo(input);
            }

            for (int i = 0; i < graph.Node.Count; i++)
            {
                var node = new OnnxNode(file, i, graph.Node[i], _tensors);
                try
                {
                    Visit(node);
                }
                catch (OverflowException)
                {
                    // Element counts and shape products are checked; dimensions this large are no real model.
                    throw node.Error("tensor dimensions overflow a 64-bit element count");
                }
            }

            if (_layers.Count == 0)
            {
                throw FileError(file, $"the graph has no operator that does multiply-accumulates ({string.Join(", ", OnnxMacOperators.All)}); nothing to simulate");
            }

            return new OnnxImport(
                new Workload(workloadName, [.. _layers]),
                [.. _origins],
                [.. _operators.Select(o => new OnnxOperatorCount(o.Key, o.Value))],
                [.. _notes]);
        }

        private void Visit(OnnxNode node)
        {
            if (node.Proto.Domain is not ("" or "ai.onnx"))
            {
                throw node.Error($"operator domain '{node.Proto.Domain}' is not supported; QuantSim reads the standard ONNX operators (domain ai.onnx)");
            }

            IReadOnlyList<OnnxTensor> outputs;
            if (OnnxMacOperators.Is(node.OpType))
            {
                var result = OnnxMacOperators.Map(node, LayerName(node));
                if (_layers.Count + result.Layers.Count > InputLimits.Layers)
                {
                    throw node.Error($"more than {InputLimits.Layers} layers; a workload may have at most {InputLimits.Layers}");
                }

                if (result.Layers.Count == 1 && node.Proto.Output.Count > 0)
                {
                    _producedBy[node.Proto.Output[0]] = _layers.Count;
                }

                foreach (var layer in result.Layers)
                {
                    _layers.Add(layer);
                    _origins.Add(new OnnxLayerOrigin(layer.Name, node.Proto.Name, node.OpType, result.Quantization));
                }

                if (result.Note is { } note)
                {
                    _notes.Add($"{node.Location}: {note}");
                }

                outputs = [result.Output];
            }
            else if (node.OpType == "Constant")
            {
                outputs = [FromConstant(node)];
                Count(node);
            }
            else if (OnnxShapeRules.Knows(node.OpType))
            {
                outputs = OnnxShapeRules.Infer(node);
                Fold(node);
                Count(node);
            }
            else
            {
                throw node.Error($"operator {node.OpType} is not supported; QuantSim maps {string.Join(", ", OnnxMacOperators.All)} to layers and infers shapes through {string.Join(", ", OnnxShapeRules.Supported.Order(StringComparer.Ordinal))}");
            }

            for (int i = 0; i < Math.Min(outputs.Count, node.Proto.Output.Count); i++)
            {
                if (node.Proto.Output[i].Length > 0)
                {
                    _tensors[node.Proto.Output[i]] = outputs[i];
                }
            }
        }

        private void Count(OnnxNode node) => _operators[node.OpType] = _operators.GetValueOrDefault(node.OpType) + 1;

        /// <summary>Batch norm on a MAC layer's output adds its scale and shift; a constant bias added to a MatMul's output is that layer's bias.</summary>
        private void Fold(OnnxNode node)
        {
            if (!node.Has(0) || !_producedBy.TryGetValue(node.InputName(0), out int index))
            {
                return;
            }

            var layer = _layers[index];
            if (node.OpType == "BatchNormalization" && !layer.HasNormalization)
            {
                _layers[index] = layer with { HasNormalization = true };
            }
            else if (node.OpType == "Add" && node.InputCount == 2 && !layer.HasBias && layer is FullyConnectedLayer or GemmLayer
                     && node.Input(1) is { IsConstant: true } bias && bias.Elements == layer.OutputChannels)
            {
                _layers[index] = layer with { HasBias = true };
            }
        }

        /// <summary>The node's name, else its first output's, made fit for a trace row (no commas or line breaks) and unique.</summary>
        private string LayerName(OnnxNode node)
        {
            string raw = node.Proto.Name.Length > 0 ? node.Proto.Name
                : node.Proto.Output.FirstOrDefault(o => o.Length > 0) ?? $"{node.OpType}_{node.Index}";
            string name = new string([.. raw.Select(c => c == ',' || char.IsControl(c) ? '_' : c)]).Trim();
            if (name.Length == 0 || name.StartsWith('#'))
            {
                name = $"{node.OpType}_{node.Index}{name}";
            }

            if (!_names.Add(name))
            {
                name = $"{name}_{node.Index}";
                _names.Add(name);
            }

            return name;
        }

        private OnnxTensor FromValueInfo(ValueInfoProto input)
        {
            string where = $"graph.input '{input.Name}'";
            if (input.Type?.TensorType is not { } tensor || tensor.Shape is null)
            {
                throw new InputException(new InputError(file, 0, 0, where, "has no tensor type with a shape; QuantSim needs the shape of every graph input"));
            }

            var shape = new List<long>();
            for (int d = 0; d < tensor.Shape.Dim.Count; d++)
            {
                var dim = tensor.Shape.Dim[d];
                if (dim.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue)
                {
                    shape.Add(dim.DimValue >= 0 ? dim.DimValue : throw new InputException(new InputError(file, 0, 0, where, $"dimension {d} is negative ({dim.DimValue})")));
                }
                else
                {
                    shape.Add(1);
                    string symbol = dim.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimParam ? $"'{dim.DimParam}'" : "(unnamed)";
                    _notes.Add($"{where}: symbolic dimension {d} {symbol} taken as 1");
                }
            }

            return new OnnxTensor([.. shape], tensor.ElemType);
        }

        private OnnxTensor FromConstant(OnnxNode node)
        {
            var attribute = node.Proto.Attribute.FirstOrDefault() ?? throw node.Error("a Constant needs a value attribute");
            return attribute.Name switch
            {
                "value" when attribute.T is not null => FromTensor(attribute.T, node.Location),
                "value_int" => new OnnxTensor([], OnnxElementType.Int64) { IsConstant = true, Values = [attribute.I] },
                "value_ints" => new OnnxTensor([attribute.Ints.Count], OnnxElementType.Int64) { IsConstant = true, Values = [.. attribute.Ints] },
                "value_float" => new OnnxTensor([], OnnxElementType.Float) { IsConstant = true, FloatValues = [attribute.F] },
                "value_floats" => new OnnxTensor([attribute.Floats.Count], OnnxElementType.Float) { IsConstant = true, FloatValues = [.. attribute.Floats.Select(f => (double)f)] },
                _ => throw node.Error($"Constant attribute {attribute.Name} is not supported; use value, value_int(s) or value_float(s)"),
            };
        }

        /// <summary>An initializer or Constant value: its shape, and its values when it is a small integer or float vector.</summary>
        private OnnxTensor FromTensor(TensorProto tensor, string where)
        {
            if (tensor.Dims.Any(d => d < 0))
            {
                throw new InputException(new InputError(file, 0, 0, where, $"dims [{string.Join(", ", tensor.Dims)}] must not be negative"));
            }

            var shape = tensor.Dims.ToImmutableArray();
            var result = new OnnxTensor(shape, tensor.DataType) { IsConstant = true };
            long count;
            try
            {
                count = result.Elements;
            }
            catch (OverflowException)
            {
                throw new InputException(new InputError(file, 0, 0, where, $"dims [{string.Join(", ", tensor.Dims)}] overflow"));
            }

            if (count > OnnxTensor.MaxValues || tensor.DataLocation == TensorProto.Types.DataLocation.External)
            {
                return result;
            }

            var raw = tensor.RawData.Span;
            return tensor.DataType switch
            {
                OnnxElementType.Int64 when tensor.Int64Data.Count == count => result with { Values = [.. tensor.Int64Data] },
                OnnxElementType.Int64 when raw.Length == count * 8 => result with { Values = [.. Enumerable.Range(0, (int)count).Select(i => BinaryPrimitives.ReadInt64LittleEndian(tensor.RawData.Span[(i * 8)..]))] },
                OnnxElementType.Int32 when tensor.Int32Data.Count == count => result with { Values = [.. tensor.Int32Data.Select(v => (long)v)] },
                OnnxElementType.Int32 when raw.Length == count * 4 => result with { Values = [.. Enumerable.Range(0, (int)count).Select(i => (long)BinaryPrimitives.ReadInt32LittleEndian(tensor.RawData.Span[(i * 4)..]))] },
                OnnxElementType.Float when tensor.FloatData.Count == count => result with { FloatValues = [.. tensor.FloatData.Select(v => (double)v)] },
                OnnxElementType.Float when raw.Length == count * 4 => result with { FloatValues = [.. Enumerable.Range(0, (int)count).Select(i => (double)BinaryPrimitives.ReadSingleLittleEndian(tensor.RawData.Span[(i * 4)..]))] },
                _ => result,
            };
        }
    }
}
