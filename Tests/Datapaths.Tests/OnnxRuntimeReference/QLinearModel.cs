using Google.Protobuf;
using Onnx;

namespace QuantSim.Datapaths.Tests.OnnxRuntimeReference;

/// <summary>
/// One-node ONNX models built through the onnx.proto message classes: a QLinearConv or a QLinearMatMul
/// whose weights, scales, zero points and bias are initializers, with one uint8 graph input "x".
/// </summary>
internal static class QLinearModel
{
    private const int Float = 1, Uint8 = 2, Int8 = 3, Int32 = 6;

    /// <summary>QLinearConv on x [1, C, H, W]; weights [F, C/groups, R, S]; pads are the same on both sides.</summary>
    public static byte[] Conv(
        QLinearOperands q, long[] inputShape, sbyte[] weights, long[] weightShape, int[] bias,
        (int H, int W) stride, (int H, int W) pad, (int H, int W) dilation, int groups)
    {
        var graph = new GraphProto { Name = "qlinearconv" };
        graph.Input.Add(TensorInput("x", Uint8, inputShape));
        graph.Initializer.Add(Bytes("w", Int8, weightShape, [.. weights.Select(w => (byte)w)]));
        graph.Initializer.Add(Ints("b", bias));
        AddQuantization(graph, q);
        var node = new NodeProto { OpType = "QLinearConv", Name = "conv" };
        node.Input.Add(["x", "x_scale", "x_zero_point", "w", "w_scale", "w_zero_point", "y_scale", "y_zero_point", "b"]);
        node.Output.Add("y");
        node.Attribute.Add(Attr("kernel_shape", weightShape[2], weightShape[3]));
        node.Attribute.Add(Attr("strides", stride.H, stride.W));
        node.Attribute.Add(Attr("pads", pad.H, pad.W, pad.H, pad.W));
        node.Attribute.Add(Attr("dilations", dilation.H, dilation.W));
        node.Attribute.Add(new AttributeProto { Name = "group", Type = AttributeProto.Types.AttributeType.Int, I = groups });
        graph.Node.Add(node);
        return Model(graph);
    }

    /// <summary>QLinearMatMul of x [M, K] by the weights [K, N] (no bias in this operator).</summary>
    public static byte[] MatMul(QLinearOperands q, int m, sbyte[] weights, int k, int n)
    {
        var graph = new GraphProto { Name = "qlinearmatmul" };
        graph.Input.Add(TensorInput("x", Uint8, m, k));
        graph.Initializer.Add(Bytes("w", Int8, [k, n], [.. weights.Select(w => (byte)w)]));
        AddQuantization(graph, q);
        var node = new NodeProto { OpType = "QLinearMatMul", Name = "matmul" };
        node.Input.Add(["x", "x_scale", "x_zero_point", "w", "w_scale", "w_zero_point", "y_scale", "y_zero_point"]);
        node.Output.Add("y");
        graph.Node.Add(node);
        return Model(graph);
    }

    private static void AddQuantization(GraphProto graph, QLinearOperands q)
    {
        graph.Initializer.Add(Floats("x_scale", [], [q.InputScale]));
        graph.Initializer.Add(Bytes("x_zero_point", Uint8, [], [(byte)q.InputZeroPoint]));
        // Per-channel parameters are 1-D with one entry per output channel; per-tensor ones scalars.
        long[] weightParams = q.WeightScales.Length == 1 ? [] : [q.WeightScales.Length];
        graph.Initializer.Add(Floats("w_scale", weightParams, q.WeightScales));
        graph.Initializer.Add(Bytes("w_zero_point", Int8, weightParams, new byte[q.WeightScales.Length]));
        graph.Initializer.Add(Floats("y_scale", [], [q.OutputScale]));
        graph.Initializer.Add(Bytes("y_zero_point", Uint8, [], [(byte)q.OutputZeroPoint]));
    }

    private static byte[] Model(GraphProto graph)
    {
        graph.Output.Add(new ValueInfoProto { Name = "y" });
        var model = new ModelProto { IrVersion = 8, ProducerName = "quantsim-tests", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = 13 });
        return model.ToByteArray();
    }

    private static ValueInfoProto TensorInput(string name, int type, params long[] shape)
    {
        var tensor = new TypeProto.Types.Tensor { ElemType = type, Shape = new TensorShapeProto() };
        foreach (long d in shape)
        {
            tensor.Shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        }

        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = tensor } };
    }

    private static TensorProto Bytes(string name, int type, long[] dims, byte[] data)
    {
        var tensor = new TensorProto { Name = name, DataType = type, RawData = ByteString.CopyFrom(data) };
        tensor.Dims.Add(dims);
        return tensor;
    }

    private static TensorProto Floats(string name, long[] dims, float[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = Float };
        tensor.Dims.Add(dims);
        tensor.FloatData.Add(values);
        return tensor;
    }

    private static TensorProto Ints(string name, int[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = Int32 };
        tensor.Dims.Add(values.Length);
        tensor.Int32Data.Add(values);
        return tensor;
    }

    private static AttributeProto Attr(string name, params long[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.Add(values);
        return a;
    }
}
