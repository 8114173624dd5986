using QuantSim.Input;
using QuantSim.Workloads.Onnx;
using static QuantSim.Workloads.Tests.Onnx.OnnxGraphBuilder;

namespace QuantSim.Workloads.Tests.Onnx;

/// <summary>Bad or unsupported ONNX models: one located message each, naming the node (index, name, op type) where there is one.</summary>
[TestFixture]
public sealed class OnnxModelErrorTests
{
    private string _dir = "";

    [SetUp]
    public void CreateDirectory()
    {
        _dir = Path.Combine(Path.GetTempPath(), "quantsim-onnx-" + TestContext.CurrentContext.Test.ID);
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, recursive: true);

    private static string[] Errors(byte[] model) =>
        [.. Assert.Throws<InputException>(() => OnnxModelReader.Read("m.onnx", model, "m"))!.Errors.Select(e => e.ToString())];

    /// <summary>x (1 x 4 x 8 x 8) through a 3x3 convolution, then whatever the test adds.</summary>
    private static (OnnxGraphBuilder Graph, string Output) ConvNet(long batch = 1)
    {
        var g = new OnnxGraphBuilder();
        string y = g.Node("Conv", "conv", [g.Input("x", Float, batch, 4, 8, 8), g.Weight("w", Float, 8, 4, 3, 3)]);
        return (g, y);
    }

    [Test]
    public void Should_name_the_node_and_op_type_of_an_unsupported_operator()
    {
        var (g, y) = ConvNet();
        y = g.Node("ConvTranspose", "up", [y, g.Weight("up.w", Float, 8, 4, 2, 2)]);

        var errors = Errors(g.Build(y));

        Assert.That(errors, Has.Length.EqualTo(1));
        Assert.That(errors[0], Does.StartWith("m.onnx: graph.node[1] 'up' (ConvTranspose): operator ConvTranspose is not supported; QuantSim maps Conv, QLinearConv, ConvInteger, Gemm, MatMul, QLinearMatMul, MatMulInteger to layers and infers shapes through "));
    }

    [Test]
    public void Should_refuse_an_operator_of_another_domain()
    {
        var (g, y) = ConvNet();
        y = g.DomainNode("com.microsoft", "QGemm", "qgemm", y);

        Assert.That(Errors(g.Build(y)), Is.EqualTo(new[]
        {
            "m.onnx: graph.node[1] 'qgemm' (QGemm): operator domain 'com.microsoft' is not supported; QuantSim reads the standard ONNX operators (domain ai.onnx)",
        }));
    }

    [Test]
    public void Should_refuse_bytes_that_are_not_a_model()
    {
        Assert.That(Errors([0xff, 0xff, 0xff, 0xff, 0x0f]), Has.One.StartsWith("m.onnx: not an ONNX model: the protobuf does not parse ("));
        Assert.That(Errors([]), Is.EqualTo(new[] { "m.onnx: not an ONNX model, or one with an empty graph: no graph.node to read" }));
    }

    [Test]
    public void Should_refuse_a_reshape_whose_target_is_not_constant()
    {
        var (g, y) = ConvNet();
        y = g.Node("Reshape", "flat", [y, g.Input("shape", Int64Type, 2)]);

        Assert.That(Errors(g.Build(y)), Is.EqualTo(new[]
        {
            "m.onnx: graph.node[1] 'flat' (Reshape): the target shape (input 1 'shape') is not an integer constant; QuantSim infers shapes statically, so it must be an initializer, a Constant or computed from them and from shapes",
        }));
    }

    [Test]
    public void Should_refuse_a_convolution_over_a_batch()
    {
        var (g, y) = ConvNet(batch: 2);

        Assert.That(Errors(g.Build(y)), Is.EqualTo(new[]
        {
            "m.onnx: graph.node[0] 'conv' (Conv): batch 2 in input [2, 4, 8, 8]: QuantSim convolution layers are batch 1; export the model with batch 1 (a symbolic batch is taken as 1)",
        }));
    }

    [Test]
    public void Should_refuse_shapes_that_do_not_broadcast()
    {
        var (g, y) = ConvNet();
        // The convolution gives 1 x 8 x 6 x 6; a 1 x 4 x 8 x 8 input cannot be added to it.
        y = g.Node("Add", "skip", [y, "x"]);

        Assert.That(Errors(g.Build(y)), Is.EqualTo(new[]
        {
            "m.onnx: graph.node[1] 'skip' (Add): input shapes [1, 8, 6, 6] and [1, 4, 8, 8] do not broadcast",
        }));
    }

    [Test]
    public void Should_refuse_weights_whose_channels_do_not_match_the_groups()
    {
        var g = new OnnxGraphBuilder();
        string y = g.Node("Conv", "dw", [g.Input("x", Float, 1, 6, 8, 8), g.Weight("w", Float, 6, 1, 3, 3)], Int("group", 4));

        Assert.That(Errors(g.Build(y)), Is.EqualTo(new[]
        {
            "m.onnx: graph.node[0] 'dw' (Conv): group 4 does not fit input channels 6, weight [6, 1, 3, 3] (weight is filters x channels/group x kernel)",
        }));
    }

    [Test]
    public void Should_refuse_an_input_no_earlier_node_produced()
    {
        var (g, y) = ConvNet();
        y = g.Node("Relu", "relu", ["missing"]);

        Assert.That(Errors(g.Build(y)), Is.EqualTo(new[]
        {
            "m.onnx: graph.node[1] 'relu' (Relu): input 0 'missing' is neither a graph input, an initializer nor the output of an earlier node (nodes must be in topological order)",
        }));
    }

    [Test]
    public void Should_refuse_a_graph_without_multiply_accumulates()
    {
        var g = new OnnxGraphBuilder();
        string y = g.Node("Relu", "relu", [g.Input("x", Float, 1, 4)]);

        Assert.That(Errors(g.Build(y)), Is.EqualTo(new[]
        {
            "m.onnx: the graph has no operator that does multiply-accumulates (Conv, QLinearConv, ConvInteger, Gemm, MatMul, QLinearMatMul, MatMulInteger); nothing to simulate",
        }));
    }

    [Test]
    public void Should_refuse_a_convolution_over_a_scalar_input()
    {
        var g = new OnnxGraphBuilder();
        string y = g.Node("Conv", "conv", [g.Input("x", Float), g.Weight("w", Float, 8, 4, 3, 3)]);

        Assert.That(Errors(g.Build(y)), Is.EqualTo(new[]
        {
            "m.onnx: graph.node[0] 'conv' (Conv): input [] must be N x C x H x W (or N x C x L); convolutions over 0 spatial dimensions are not supported",
        }));
    }

    [Test]
    public void Should_refuse_dimensions_that_overflow_an_element_count()
    {
        var (g, y) = ConvNet();
        // 1 x 8 x 6 x 6 tiled 2^40 times on two axes: 2^80 x 288 elements.
        y = g.Node("Tile", "tile", [y, g.Ints("repeats", 1, 1, 1L << 40, 1L << 40)]);
        y = g.Node("Flatten", "flat", [y]);

        Assert.That(Errors(g.Build(y)), Is.EqualTo(new[]
        {
            "m.onnx: graph.node[2] 'flat' (Flatten): tensor dimensions overflow a 64-bit element count",
        }));
    }

    [Test]
    public void Should_refuse_a_device_and_a_directory_by_name()
    {
        var device = Assert.Throws<InputException>(() => OnnxModelReader.ReadFile("/dev/zero"));
        var directory = Assert.Throws<InputException>(() => OnnxModelReader.ReadFile(_dir));

        Assert.That(device!.Errors.Single().ToString(), Is.EqualTo("/dev/zero: is not a regular file (a device, pipe or socket); give the path of a model (.onnx)"));
        Assert.That(directory!.Errors.Single().ToString(), Is.EqualTo($"{_dir}: is a directory; give the path of a model (.onnx)"));
    }

    [Test]
    public void Should_resolve_an_onnx_path_wherever_a_workload_is_accepted()
    {
        string path = Path.Combine(_dir, "tiny.onnx");
        var (g, y) = ConvNet();
        g.Write(path, y);

        var workload = WorkloadSource.Resolve(path);

        // 6 x 6 outputs (8 - 3 + 1) x 8 filters x 3*3*4
        Assert.That((workload.Name, workload.Layers.Length, workload.Macs), Is.EqualTo(("tiny", 1, 6L * 6 * 8 * 36)));
    }
}
