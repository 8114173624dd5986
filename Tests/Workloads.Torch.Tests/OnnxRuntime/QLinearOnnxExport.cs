using Google.Protobuf;
using Onnx;
using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Torch.Integer;
using QuantSim.Workloads.Torch.Models;

namespace QuantSim.Workloads.Torch.Tests.OnnxRuntime;

/// <summary>
/// An <see cref="IntegerModel"/> chain (convolutions with ReLU and 2 x 2 max-pool, fully connected layers, an
/// int32 classifier) as a QLinear ONNX graph on the model's own codes: input "x" uint8 [N, C, H, W] (the first
/// layer's input codes), every requantized layer one <c>QLinearConv</c> (a fully connected layer is a 1 x 1
/// convolution on [N, in, 1, 1], so it keeps its int32 bias), 2 x 2 <c>MaxPool</c> on uint8, and the
/// classifier <c>MatMulInteger</c> + int32 bias <c>Add</c>, output "logits" int32 [N, classes]: the corrected
/// accumulators the integer path writes. Activation zero points must be 0 (lsq, per-channel), so ReLU is the
/// uint8 saturation at code 0 and needs no node; weights are int8, symmetric.
/// </summary>
internal static class QLinearOnnxExport
{
    private const int Float = 1, Uint8 = 2, Int8 = 3, Int32 = 6, Int64 = 7;

    public static byte[] Export(IntegerModel model)
    {
        ModelArchitecture architecture = model.Architecture;
        if (architecture.IsGraph)
        {
            throw new ArgumentException($"{architecture.Name} is a graph; the export handles chains", nameof(model));
        }

        var graph = new GraphProto { Name = architecture.Name };
        var input = new TypeProto.Types.Tensor { ElemType = Uint8, Shape = new TensorShapeProto() };
        input.Shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "batch" });
        input.Shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = architecture.InputChannels });
        input.Shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = architecture.InputSide });
        input.Shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = architecture.InputSide });
        graph.Input.Add(new ValueInfoProto { Name = "x", Type = new TypeProto { TensorType = input } });
        graph.Initializer.Add(Int64s("fc_shape", [0, -1, 1, 1]));

        string x = "x";
        bool flat = false;
        for (int i = 0; i < model.Layers.Length; i++)
        {
            IntegerLayer layer = model.Layers[i];
            LayerSpec spec = layer.Spec;
            LayerQuantization q = layer.Quantization;
            if (layer.Residual is not null || layer.HSwish is not null || layer.Pool is not null || q.Weights.Spec.Bits > 8 || q.Input.Spec.Bits != 8)
            {
                throw new ArgumentException($"layer {spec.Name}: only 8-bit convolution and fully connected layers without residuals, h-swish or global pools export", nameof(model));
            }

            if (q.Input.ZeroPoint() != 0 || (q.Output is { } written && written.ZeroPoint() != 0) || q.Weights.ZeroPoints.Any(z => z != 0))
            {
                throw new ArgumentException($"layer {spec.Name}: zero points must be 0 (ReLU is then the saturation at code 0)", nameof(model));
            }

            string n = spec.Name;
            if (spec.Kind == LayerKind.FullyConnected && !flat)
            {
                x = Node(graph, "Reshape", n + "_flatten", [x, "fc_shape"]);
                flat = true;
            }

            graph.Initializer.Add(Scalar(n + "_x_scale", (float)q.Input.Scale()));
            graph.Initializer.Add(Bytes(n + "_x_zero_point", Uint8, [], [0]));
            long[] perChannel = q.Weights.Scales.Length == 1 ? [] : [q.Weights.Scales.Length];
            graph.Initializer.Add(Floats(n + "_w_scale", perChannel, [.. q.Weights.Scales.Select(s => (float)s)]));
            graph.Initializer.Add(Bytes(n + "_w_zero_point", Int8, perChannel, new byte[q.Weights.Scales.Length]));
            if (layer.IsLast)
            {
                // [out, in] codes to the [in, out] right-hand matrix of MatMulInteger.
                int inputs = spec.InputChannels, outputs = spec.OutputChannels;
                var transposed = new byte[inputs * outputs];
                for (int o = 0; o < outputs; o++)
                {
                    for (int k = 0; k < inputs; k++)
                    {
                        transposed[k * outputs + o] = (byte)(sbyte)layer.Weights[o * inputs + k];
                    }
                }

                graph.Initializer.Add(Int64s(n + "_rows", [0, -1]));
                string rows = Node(graph, "Reshape", n + "_rows_of", [x, n + "_rows"]);
                graph.Initializer.Add(Bytes(n + "_w", Int8, [inputs, outputs], transposed));
                string acc = Node(graph, "MatMulInteger", n, [rows, n + "_w", n + "_x_zero_point", n + "_w_zero_point"]);
                graph.Initializer.Add(Int32s(n + "_b", [.. q.Bias]));
                string logits = Node(graph, "Add", n + "_bias", [acc, n + "_b"], "logits");
                graph.Output.Add(new ValueInfoProto { Name = logits });
                return Model(graph);
            }

            var output = q.Output!;
            graph.Initializer.Add(Scalar(n + "_y_scale", (float)output.Scale()));
            graph.Initializer.Add(Bytes(n + "_y_zero_point", Uint8, [], [0]));
            int kernel = spec.Kind == LayerKind.FullyConnected ? 1 : spec.Kernel;
            graph.Initializer.Add(Bytes(n + "_w", Int8, [spec.OutputChannels, spec.ChannelsPerGroup, kernel, kernel], [.. layer.Weights.Select(w => (byte)(sbyte)w)]));
            graph.Initializer.Add(Int32s(n + "_b", [.. q.Bias]));
            int pad = spec.Kind == LayerKind.FullyConnected ? 0 : spec.Padding;
            x = Node(graph, "QLinearConv", n,
                [x, n + "_x_scale", n + "_x_zero_point", n + "_w", n + "_w_scale", n + "_w_zero_point", n + "_y_scale", n + "_y_zero_point", n + "_b"],
                attributes: [Ints("kernel_shape", kernel, kernel), Ints("pads", pad, pad, pad, pad), Ints("strides", spec.Stride, spec.Stride), Int("group", spec.Groups)]);
            if (spec.MaxPool)
            {
                x = Node(graph, "MaxPool", n + "_pool", [x], attributes: [Ints("kernel_shape", 2, 2), Ints("strides", 2, 2)]);
            }
        }

        throw new ArgumentException("a model ends with its classifier layer", nameof(model));
    }

    private static string Node(GraphProto graph, string op, string name, string[] inputs, string? output = null, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = name };
        node.Input.Add(inputs);
        node.Output.Add(output ?? name + "_out");
        node.Attribute.Add(attributes);
        graph.Node.Add(node);
        return node.Output[0];
    }

    private static byte[] Model(GraphProto graph)
    {
        var model = new ModelProto { IrVersion = 8, ProducerName = "quantsim-tests", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = 13 });
        return model.ToByteArray();
    }

    private static TensorProto Bytes(string name, int type, long[] dims, byte[] data)
    {
        var tensor = new TensorProto { Name = name, DataType = type, RawData = ByteString.CopyFrom(data) };
        tensor.Dims.Add(dims);
        return tensor;
    }

    private static TensorProto Scalar(string name, float value) => Floats(name, [], [value]);

    private static TensorProto Floats(string name, long[] dims, float[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = Float };
        tensor.Dims.Add(dims);
        tensor.FloatData.Add(values);
        return tensor;
    }

    private static TensorProto Int32s(string name, int[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = Int32 };
        tensor.Dims.Add(values.Length);
        tensor.Int32Data.Add(values);
        return tensor;
    }

    private static TensorProto Int64s(string name, long[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = Int64 };
        tensor.Dims.Add(values.Length);
        tensor.Int64Data.Add(values);
        return tensor;
    }

    private static AttributeProto Ints(string name, params long[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.Add(values);
        return a;
    }

    private static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };
}
