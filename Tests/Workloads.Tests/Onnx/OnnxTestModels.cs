using static QuantSim.Workloads.Tests.Onnx.OnnxGraphBuilder;

namespace QuantSim.Workloads.Tests.Onnx;

/// <summary>The networks the ONNX tests build: each returns its serialized model.</summary>
internal static class OnnxTestModels
{
    /// <summary>
    /// A small ResNet: 3x3 stem with bias, batch norm and ReLU, 2x2 max pool, one identity block at
    /// 16 channels, one downsampling block to 32 channels with a 1x1 stride-2 shortcut, global
    /// average pool, flatten and a fully connected classifier (Gemm with transposed weights).
    /// </summary>
    public static byte[] ResNet()
    {
        var g = new OnnxGraphBuilder();
        string x = g.Input("x", Float, 1, 3, 32, 32);
        string Conv(string name, string input, long filters, long channels, long k, long stride, long pad, bool bias = false)
        {
            string w = g.Weight(name + ".w", Float, filters, channels, k, k);
            string[] inputs = bias ? [input, w, g.Weight(name + ".b", Float, filters)] : [input, w];
            return g.Node("Conv", name, inputs, Attr("kernel_shape", k, k), Attr("strides", stride, stride), Attr("pads", pad, pad, pad, pad));
        }

        string Bn(string name, string input, long channels) =>
            g.Node("BatchNormalization", name, [input, g.Weight(name + ".s", Float, channels), g.Weight(name + ".b", Float, channels), g.Weight(name + ".m", Float, channels), g.Weight(name + ".v", Float, channels)]);

        string y = g.Node("Relu", "relu1", [Bn("bn1", Conv("conv1", x, 16, 3, 3, 1, 1, bias: true), 16)]);
        y = g.Node("MaxPool", "pool", [y], Attr("kernel_shape", 2, 2), Attr("strides", 2, 2));
        string a = g.Node("Relu", "relu2a", [Bn("bn2a", Conv("conv2a", y, 16, 16, 3, 1, 1), 16)]);
        string b = Bn("bn2b", Conv("conv2b", a, 16, 16, 3, 1, 1), 16);
        y = g.Node("Relu", "relu2", [g.Node("Add", "add2", [b, y])]);
        string c = g.Node("Relu", "relu3a", [Bn("bn3a", Conv("conv3a", y, 32, 16, 3, 2, 1), 32)]);
        string d = Bn("bn3b", Conv("conv3b", c, 32, 32, 3, 1, 1), 32);
        string shortcut = Bn("bn3s", Conv("conv3s", y, 32, 16, 1, 2, 0), 32);
        y = g.Node("Relu", "relu3", [g.Node("Add", "add3", [d, shortcut])]);
        y = g.Node("Flatten", "flatten", [g.Node("GlobalAveragePool", "gap", [y])]);
        y = g.Node("Gemm", "fc", [y, g.Weight("fc.w", Float, 10, 32), g.Weight("fc.b", Float, 10)], Int("transB", 1));
        return g.Build(y);
    }

    /// <summary>
    /// MobileNet-style: a 3x3 stride-2 stem with SAME_UPPER padding (0 before, 1 after on a 32-wide
    /// input), ReLU6 as Clip, a depthwise 3x3, a pointwise 1x1, a dilated depthwise 3x3 (dilation 2,
    /// padding 2), an average pool with ceil_mode and a 1x1 head that sees the pooled size.
    /// </summary>
    public static byte[] MobileNet()
    {
        var g = new OnnxGraphBuilder();
        string x = g.Input("x", Float, 1, 3, 32, 32);
        string Relu6(string name, string input) => g.Node("Clip", name, [input, g.Scalar(name + ".min", 0), g.Scalar(name + ".max", 6)]);
        string y = g.Node("Conv", "stem", [x, g.Weight("stem.w", Float, 16, 3, 3, 3)], Attr("strides", 2, 2), Text("auto_pad", "SAME_UPPER"));
        y = Relu6("relu6a", y);
        y = Relu6("relu6b", g.Node("Conv", "dw", [y, g.Weight("dw.w", Float, 16, 1, 3, 3)], Int("group", 16), Attr("pads", 1, 1, 1, 1)));
        y = g.Node("Conv", "pw", [y, g.Weight("pw.w", Float, 32, 16, 1, 1), g.Weight("pw.b", Float, 32)]);
        y = g.Node("Conv", "dw_dilated", [y, g.Weight("dwd.w", Float, 32, 1, 3, 3)], Int("group", 32), Attr("dilations", 2, 2), Attr("pads", 2, 2, 2, 2));
        y = g.Node("AveragePool", "avg", [y], Attr("kernel_shape", 3, 3), Attr("strides", 3, 3), Int("ceil_mode", 1));
        y = g.Node("Conv", "head", [y, g.Weight("head.w", Float, 8, 32, 1, 1)]);
        return g.Build(y);
    }

    /// <summary>
    /// One self-attention block as PyTorch exports it: sequence 8, hidden 32, 4 heads of 8, a
    /// symbolic batch; Q, K, V projections (MatMul then a bias Add), heads split by Reshape (three
    /// ways: a constant target, a target with 0 = copy, a target computed from Shape, Slice and
    /// Concat) and Transpose, scores Q K^T, Softmax, context, heads merged, output projection,
    /// residual Add and LayerNormalization.
    /// </summary>
    public static byte[] Attention()
    {
        var g = new OnnxGraphBuilder();
        string x = g.Input("x", Float, -1, 8, 32);
        string Projection(string name, string input) =>
            g.Node("Add", name + ".bias", [g.Node("MatMul", name, [input, g.Weight(name + ".w", Float, 32, 32)]), g.Weight(name + ".b", Float, 32)]);

        string q = g.Node("Reshape", "q.split", [Projection("query", x), g.Ints("heads", 1, 8, 4, 8)]);
        string k = g.Node("Reshape", "k.split", [Projection("key", x), g.Ints("heads_copy", 0, 0, 4, 8)]);
        string shape = g.Node("Shape", "x.shape", [x]);
        string leading = g.Node("Slice", "x.leading", [shape, g.Ints("s0", 0), g.Ints("s1", 2)]);
        string target = g.Node("Concat", "v.target", [leading, g.Ints("head_dims", 4, 8)], Int("axis", 0));
        string v = g.Node("Reshape", "v.split", [Projection("value", x), target]);
        q = g.Node("Transpose", "q.t", [q], Attr("perm", 0, 2, 1, 3));
        k = g.Node("Transpose", "k.t", [k], Attr("perm", 0, 2, 3, 1));
        v = g.Node("Transpose", "v.t", [v], Attr("perm", 0, 2, 1, 3));
        string scores = g.Node("Softmax", "softmax", [g.Node("Div", "scale", [g.Node("MatMul", "scores", [q, k]), g.Scalar("sqrt_d", 2.828f)])], Int("axis", -1));
        string context = g.Node("MatMul", "context", [scores, v]);
        context = g.Node("Reshape", "merge", [g.Node("Transpose", "c.t", [context], Attr("perm", 0, 2, 1, 3)), g.Ints("hidden", 1, 8, 32)]);
        string y = g.Node("Add", "residual", [Projection("output", context), x]);
        y = g.Node("LayerNormalization", "ln", [y, g.Weight("ln.s", Float, 32), g.Weight("ln.b", Float, 32)], Int("axis", -1));
        return g.Build(y);
    }

    /// <summary>
    /// A QDQ-quantized net: uint8 activations (QuantizeLinear/DequantizeLinear pairs), conv1 with int8
    /// weights and a per-channel scale, conv2 with int4 weights and one scale, a classifier with int8
    /// weights, and a last MatMul whose weights are dequantized but whose activations stay float.
    /// </summary>
    public static byte[] Qdq()
    {
        var g = new OnnxGraphBuilder();
        string x = g.Input("x", Float, 1, 3, 16, 16);
        string Qdq(string name, string input, int type) =>
            g.Node("DequantizeLinear", name + ".dq", [g.Node("QuantizeLinear", name + ".q", [input, g.Scalar(name + ".s", 0.02f), g.Weight(name + ".zp", type)]), g.Scalar(name + ".s2", 0.02f), g.Weight(name + ".zp2", type)]);

        string Weight(string name, int type, long[] dims, long scales)
        {
            string scale = scales == 1 ? g.Scalar(name + ".s", 0.01f) : g.Weight(name + ".s", Float, scales);
            string zp = scales == 1 ? g.Weight(name + ".zp", type) : g.Weight(name + ".zp", type, scales);
            return g.Node("DequantizeLinear", name + ".dq", [g.Weight(name + ".q", type, dims), scale, zp], Int("axis", 0));
        }

        string y = g.Node("Conv", "conv1", [Qdq("in", x, Uint8), Weight("conv1.w", Int8, [8, 3, 3, 3], 8)], Attr("pads", 1, 1, 1, 1));
        y = g.Node("Relu", "relu1", [y]);
        y = g.Node("Conv", "conv2", [Qdq("a1", y, Uint8), Weight("conv2.w", Int4, [8, 8, 3, 3], 1)], Attr("pads", 1, 1, 1, 1));
        y = g.Node("Flatten", "flatten", [g.Node("GlobalAveragePool", "gap", [y])]);
        y = g.Node("Gemm", "fc", [Qdq("a2", y, Uint8), Weight("fc.w", Int8, [10, 8], 1)], Int("transB", 1));
        y = g.Node("MatMul", "head", [y, Weight("head.w", Int8, [10, 4], 1)]);
        return g.Build(y);
    }

    /// <summary>
    /// The quantized-operator form: a uint8 input, QLinearConv with int8 weights and per-channel
    /// scales, a reshape, and QLinearMatMul with int8 weights and one scale.
    /// </summary>
    public static byte[] QLinear()
    {
        var g = new OnnxGraphBuilder();
        string x = g.Input("x", Uint8, 1, 4, 8, 8);
        string y = g.Node("QLinearConv", "qconv",
            [x, g.Scalar("x.s", 0.02f), g.Weight("x.zp", Uint8), g.Weight("w", Int8, 8, 4, 3, 3), g.Weight("w.s", Float, 8), g.Weight("w.zp", Int8, 8), g.Scalar("y.s", 0.05f), g.Weight("y.zp", Uint8), g.Weight("b", Int32Type, 8)],
            Attr("pads", 1, 1, 1, 1));
        y = g.Node("Reshape", "flat", [y, g.Ints("flat.shape", 1, 512)]);
        y = g.Node("QLinearMatMul", "qfc",
            [y, g.Scalar("y2.s", 0.05f), g.Weight("y2.zp", Uint8), g.Weight("w2", Int8, 512, 10), g.Scalar("w2.s", 0.01f), g.Weight("w2.zp", Int8), g.Scalar("o.s", 0.1f), g.Weight("o.zp", Uint8)]);
        return g.Build(y);
    }
}
