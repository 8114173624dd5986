using QuantSim.Workloads.Onnx;
using QuantSim.Workloads.Traces;

namespace QuantSim.Workloads.Tests.Onnx;

/// <summary>
/// ONNX models the tests build, read as workloads. Every expected line was derived by hand from
/// the model's definition: output size floor((in + pads - ((k - 1) * d + 1)) / s) + 1, MACs
/// P * Q * F * R * S * C / g (fully connected: batch * K * N), parameters weights + bias + 2 per
/// channel for a following batch norm.
/// </summary>
[TestFixture]
public sealed class OnnxModelReaderTests
{
    private static OnnxImport Read(byte[] model, string name = "net") => OnnxModelReader.Read($"{name}.onnx", model, name);

    private static string[] Lines(OnnxImport import) => [.. import.Workload.Layers.Select(OnnxLayerText.Of)];

    private static string[] Operators(OnnxImport import) => [.. import.OperatorsWithoutMacs.Select(o => $"{o.OpType} {o.Count}")];

    [Test]
    public void Should_read_a_resnet_with_shapes_from_inference_and_batch_norm_folded()
    {
        var import = Read(OnnxTestModels.ResNet());

        Assert.That(Lines(import), Is.EqualTo(new[]
        {
            // 32 + 2 - 3 + 1 = 32; 32*32*16 * 3*3*3 MACs; 16*27 weights + 16 bias + 2*16 norm
            "conv1: conv 32x32x3 k3x3 f16 s1x1 p1x1 d1x1 g1 bias norm -> 32x32, 442368 MACs, 480 params, -",
            // after the 2x2/2 pool: 16x16x16; 16*16*16 * 9*16 MACs; 16*16*9 + 32
            "conv2a: conv 16x16x16 k3x3 f16 s1x1 p1x1 d1x1 g1 norm -> 16x16, 589824 MACs, 2336 params, -",
            "conv2b: conv 16x16x16 k3x3 f16 s1x1 p1x1 d1x1 g1 norm -> 16x16, 589824 MACs, 2336 params, -",
            // (16 + 2 - 3) / 2 + 1 = 8; 8*8*32 * 9*16; 32*16*9 + 64
            "conv3a: conv 16x16x16 k3x3 f32 s2x2 p1x1 d1x1 g1 norm -> 8x8, 294912 MACs, 4672 params, -",
            "conv3b: conv 8x8x32 k3x3 f32 s1x1 p1x1 d1x1 g1 norm -> 8x8, 589824 MACs, 9280 params, -",
            // (16 - 1) / 2 + 1 = 8; 8*8*32 * 16; 32*16 + 64
            "conv3s: conv 16x16x16 k1x1 f32 s2x2 p0x0 d1x1 g1 norm -> 8x8, 32768 MACs, 576 params, -",
            // global pool and flatten leave 32 features; 32*10 + 10
            "fc: fc batch 1 32->10 bias, 320 MACs, 330 params, -",
        }));
        Assert.That(import.Workload.Macs, Is.EqualTo(442368 + 3 * 589824 + 294912 + 32768 + 320));
        Assert.That(Operators(import), Is.EqualTo(new[] { "BatchNormalization 6", "Relu 5", "MaxPool 1", "Add 2", "GlobalAveragePool 1", "Flatten 1" }));
        Assert.That(import.Notes, Is.Empty);
    }

    [Test]
    public void Should_read_depthwise_dilated_and_same_padded_convolutions()
    {
        var import = Read(OnnxTestModels.MobileNet());

        Assert.That(Lines(import), Is.EqualTo(new[]
        {
            // SAME_UPPER, stride 2: ceil(32 / 2) = 16 outputs, padding 0 before and 1 after; 1 + 1 gives 16 too
            "stem: conv 32x32x3 k3x3 f16 s2x2 p1x1 d1x1 g1 -> 16x16, 110592 MACs, 432 params, -",
            // depthwise: one 3x3 per channel, 16*16*16 * 9
            "dw: conv 16x16x16 k3x3 f16 s1x1 p1x1 d1x1 g16 -> 16x16, 36864 MACs, 144 params, -",
            "pw: conv 16x16x16 k1x1 f32 s1x1 p0x0 d1x1 g1 bias -> 16x16, 131072 MACs, 544 params, -",
            // dilation 2: the kernel spans 5, 16 + 4 - 5 + 1 = 16
            "dw_dilated: conv 16x16x32 k3x3 f32 s1x1 p2x2 d2x2 g32 -> 16x16, 73728 MACs, 288 params, -",
            // 3x3/3 pool with ceil_mode over 16: ceil(13 / 3) + 1 = 6 (floor would give 5)
            "head: conv 6x6x32 k1x1 f8 s1x1 p0x0 d1x1 g1 -> 6x6, 9216 MACs, 256 params, -",
        }));
        Assert.That(Operators(import), Is.EqualTo(new[] { "Clip 2", "AveragePool 1" }));
        Assert.That(import.Notes, Is.EqualTo(new[]
        {
            "graph.node[0] 'stem' (Conv): padding [0/1, 0/1] (begin/end per axis) is not symmetric: represented as 1 x 1 each side, which gives the same 16 x 16 output and MACs",
        }));
    }

    [Test]
    public void Should_read_an_attention_block_with_one_product_per_head()
    {
        var import = Read(OnnxTestModels.Attention());

        Assert.That(Lines(import), Is.EqualTo(new[]
        {
            // 8 tokens x 32 -> 32 each, bias from the Add after the MatMul: 8*32*32, 32*32 + 32
            "query: fc batch 8 32->32 bias, 8192 MACs, 1056 params, -",
            "key: fc batch 8 32->32 bias, 8192 MACs, 1056 params, -",
            "value: fc batch 8 32->32 bias, 8192 MACs, 1056 params, -",
            // 4 heads: Q (8 x 8) times K^T (8 x 8), both activations
            "scores.0: gemm 8x8 by 8x8, 512 MACs, 0 params, -",
            "scores.1: gemm 8x8 by 8x8, 512 MACs, 0 params, -",
            "scores.2: gemm 8x8 by 8x8, 512 MACs, 0 params, -",
            "scores.3: gemm 8x8 by 8x8, 512 MACs, 0 params, -",
            // scores (8 x 8) times V (8 x 8) per head
            "context.0: gemm 8x8 by 8x8, 512 MACs, 0 params, -",
            "context.1: gemm 8x8 by 8x8, 512 MACs, 0 params, -",
            "context.2: gemm 8x8 by 8x8, 512 MACs, 0 params, -",
            "context.3: gemm 8x8 by 8x8, 512 MACs, 0 params, -",
            "output: fc batch 8 32->32 bias, 8192 MACs, 1056 params, -",
        }));
        Assert.That(Operators(import), Is.EqualTo(new[]
        {
            "Add 5", "Reshape 4", "Shape 1", "Slice 1", "Concat 1", "Transpose 4", "Div 1", "Softmax 1", "LayerNormalization 1",
        }));
        Assert.That(import.Notes, Is.EqualTo(new[] { "graph.input 'x': symbolic dimension 0 'batch' taken as 1" }));
    }

    [Test]
    public void Should_take_precisions_from_qdq_pairs()
    {
        var import = Read(OnnxTestModels.Qdq());

        Assert.That(Lines(import), Is.EqualTo(new[]
        {
            // int8 weights (per-channel scale), uint8 activations: w8a8
            "conv1: conv 16x16x3 k3x3 f8 s1x1 p1x1 d1x1 g1 -> 16x16, 55296 MACs, 216 params, w8a8",
            // int4 weights, uint8 activations: w4a8
            "conv2: conv 16x16x8 k3x3 f8 s1x1 p1x1 d1x1 g1 -> 16x16, 147456 MACs, 576 params, w4a8",
            "fc: fc batch 1 8->10, 80 MACs, 80 params, w8a8",
            // float activations: the datapath's precision
            "head: fc batch 1 10->4, 40 MACs, 40 params, -",
        }));
        Assert.That(import.Origins.Select(o => $"{o.Layer}: {o.OpType}, {o.Quantization}"), Is.EqualTo(new[]
        {
            "conv1: Conv, weights int8 per-channel, activations uint8 per-tensor",
            "conv2: Conv, weights int4 per-tensor, activations uint8 per-tensor",
            "fc: Gemm, weights int8 per-tensor, activations uint8 per-tensor",
            "head: MatMul, ",
        }));
        Assert.That(Operators(import), Is.EqualTo(new[] { "QuantizeLinear 3", "DequantizeLinear 7", "Relu 1", "GlobalAveragePool 1", "Flatten 1" }));
        Assert.That(import.Notes, Is.EqualTo(new[]
        {
            "graph.node[16] 'head' (MatMul): only its weights are dequantized (its activations are float): it runs at the datapath's precision",
        }));
    }

    [Test]
    public void Should_take_precisions_from_qlinear_operators()
    {
        var import = Read(OnnxTestModels.QLinear());

        Assert.That(Lines(import), Is.EqualTo(new[]
        {
            // 8 + 2 - 3 + 1 = 8; 8*8*8 * 9*4; 8*36 + 8 bias
            "qconv: conv 8x8x4 k3x3 f8 s1x1 p1x1 d1x1 g1 bias -> 8x8, 18432 MACs, 296 params, w8a8",
            // 8*8*8 = 512 features reshaped, times 512 x 10
            "qfc: fc batch 1 512->10, 5120 MACs, 5120 params, w8a8",
        }));
        Assert.That(import.Origins.Select(o => o.Quantization), Is.EqualTo(new[]
        {
            "weights int8 per-channel, activations uint8 per-tensor",
            "weights int8 per-tensor, activations uint8 per-tensor",
        }));
    }

    [TestCaseSource(nameof(Models))]
    public void Should_round_trip_through_a_quantsim_trace(string name)
    {
        // Given a model read from ONNX
        var workload = Read(ModelBytes(name), name).Workload;

        // When it is written as a QuantSim trace and read back
        string trace = QuantSimTraceWriter.Write(workload);
        var back = QuantSimTraceReader.Read($"{name}.csv", trace, name);

        // Then it is the same workload, layer for layer
        Assert.That(back, Is.EqualTo(workload));
    }

    private static IEnumerable<string> Models => ["resnet", "mobilenet", "attention", "qdq", "qlinear"];

    private static byte[] ModelBytes(string name) => name switch
    {
        "resnet" => OnnxTestModels.ResNet(),
        "mobilenet" => OnnxTestModels.MobileNet(),
        "attention" => OnnxTestModels.Attention(),
        "qdq" => OnnxTestModels.Qdq(),
        _ => OnnxTestModels.QLinear(),
    };
}
