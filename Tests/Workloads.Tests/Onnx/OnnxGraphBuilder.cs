using Google.Protobuf;
using Onnx;

namespace QuantSim.Workloads.Tests.Onnx;

/// <summary>
/// Builds small ONNX models for the tests, through the onnx.proto message classes: graph inputs,
/// initializers (zero-filled data of the right size, so the files are complete models) and nodes.
/// </summary>
internal sealed class OnnxGraphBuilder
{
    public const int Float = 1, Uint8 = 2, Int8 = 3, Int32Type = 6, Int64Type = 7, Uint4 = 21, Int4 = 22;

    private readonly GraphProto _graph = new() { Name = "test" };
    private int _nodes;

    public string Input(string name, int type, params long[] shape)
    {
        var tensor = new TypeProto.Types.Tensor { ElemType = type, Shape = new TensorShapeProto() };
        foreach (long d in shape)
        {
            tensor.Shape.Dim.Add(d < 0 ? new TensorShapeProto.Types.Dimension { DimParam = "batch" } : new TensorShapeProto.Types.Dimension { DimValue = d });
        }

        _graph.Input.Add(new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = tensor } });
        return name;
    }

    /// <summary>An initializer of zeros with the given dims.</summary>
    public string Weight(string name, int type, params long[] dims)
    {
        long count = dims.Aggregate(1L, (p, d) => p * d);
        long bytes = type switch
        {
            Uint8 or Int8 => count,
            Int4 or Uint4 => (count + 1) / 2,
            Int64Type => count * 8,
            _ => count * 4,
        };
        var tensor = new TensorProto { Name = name, DataType = type, RawData = ByteString.CopyFrom(new byte[bytes]) };
        tensor.Dims.Add(dims);
        _graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>An int64 vector initializer (a Reshape target, Slice bounds).</summary>
    public string Ints(string name, params long[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = Int64Type };
        tensor.Dims.Add(values.Length);
        tensor.Int64Data.Add(values);
        _graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>A float scalar initializer (a scale).</summary>
    public string Scalar(string name, float value)
    {
        var tensor = new TensorProto { Name = name, DataType = Float };
        tensor.FloatData.Add(value);
        _graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>A node; its output is named after the node. Returns the output's name.</summary>
    public string Node(string op, string name, string[] inputs, params AttributeProto[] attributes) =>
        Node(op, name, inputs, [name + "_out"], attributes)[0];

    public string[] Node(string op, string name, string[] inputs, string[] outputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = name };
        node.Input.Add(inputs);
        node.Output.Add(outputs);
        node.Attribute.Add(attributes);
        _graph.Node.Add(node);
        _nodes++;
        return outputs;
    }

    /// <summary>A node of another operator domain (e.g. com.microsoft).</summary>
    public string DomainNode(string domain, string op, string name, params string[] inputs)
    {
        string output = Node(op, name, inputs);
        _graph.Node[_nodes - 1].Domain = domain;
        return output;
    }

    public static AttributeProto Attr(string name, params long[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.Add(values);
        return a;
    }

    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Text(string name, string value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    public byte[] Build(string output)
    {
        var graph = _graph.Clone();
        graph.Output.Add(new ValueInfoProto { Name = output });
        var model = new ModelProto { IrVersion = 10, ProducerName = "quantsim-tests", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = 21 });
        return model.ToByteArray();
    }

    public string Write(string path, string output)
    {
        File.WriteAllBytes(path, Build(output));
        return path;
    }
}
