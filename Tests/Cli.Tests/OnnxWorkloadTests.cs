using QuantSim.Workloads.Tests.Onnx;
using QuantSim.Workloads.Traces;

namespace QuantSim.Cli.Tests;

/// <summary>ONNX models through the command: described by <c>list workloads FILE</c>, simulated like the same network as a trace, refused with exit 2.</summary>
[TestFixture]
public sealed class OnnxWorkloadTests
{
    private string _dir = "";

    [SetUp]
    public void CreateDirectory()
    {
        _dir = Path.Combine(Path.GetTempPath(), "quantsim-cli-onnx-" + TestContext.CurrentContext.Test.ID);
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, recursive: true);

    private string Model(string name, byte[] bytes)
    {
        string path = Path.Combine(_dir, name + ".onnx");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Test]
    public void Should_describe_an_onnx_model_with_its_operators_without_macs()
    {
        var run = CliRun.Of("list", "workloads", Model("resnet", OnnxTestModels.ResNet()));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        // 442,368 + 3 x 589,824 + 294,912 + 32,768 + 320 MACs (derived in the workload tests)
        Assert.That(run.Output, Does.Contain("resnet: 7 layers, 2,539,840 MACs, 20,010 parameters"));
        Assert.That(run.Output, Does.Contain("Operators without MACs (not simulated): BatchNormalization x 6, Relu x 5, MaxPool x 1, Add x 2, GlobalAveragePool x 1, Flatten x 1"));
        Assert.That(run.Output, Does.Contain("conv3s (Conv)"));
    }

    [Test]
    public void Should_describe_the_quantization_of_a_qdq_model()
    {
        var run = CliRun.Of("list", "workloads", Model("qdq", OnnxTestModels.Qdq()));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain("w4a8").And.Contain("int4 per-tensor"));
        Assert.That(run.Output, Does.Contain("Note: graph.node[16] 'head' (MatMul): only its weights are dequantized"));
    }

    [Test]
    public void Should_simulate_an_onnx_model_exactly_as_the_same_network_written_as_a_trace()
    {
        // Given a QDQ model and its import written as a QuantSim trace under the same workload name
        string onnx = Model("net", OnnxTestModels.Qdq());
        string traceDir = Directory.CreateDirectory(Path.Combine(_dir, "trace")).FullName;
        string trace = Path.Combine(traceDir, "net.csv");
        QuantSimTraceWriter.WriteFile(trace, Workloads.WorkloadSource.Resolve(onnx));

        // When both are simulated
        var fromOnnx = CliRun.Of("simulate", "--workload", onnx, "--out", Path.Combine(_dir, "a"));
        var fromTrace = CliRun.Of("simulate", "--workload", trace, "--out", Path.Combine(_dir, "b"));

        // Then the results are the same bytes
        Assert.That(fromOnnx.ExitCode, Is.EqualTo(0), fromOnnx.Error);
        Assert.That(fromTrace.ExitCode, Is.EqualTo(0), fromTrace.Error);
        Assert.That(File.ReadAllText(Path.Combine(_dir, "a", "result.json")), Is.EqualTo(File.ReadAllText(Path.Combine(_dir, "b", "result.json"))));
    }

    [Test]
    public void Should_refuse_an_unsupported_operator_with_exit_2_and_one_located_line()
    {
        var g = new OnnxGraphBuilder();
        string y = g.Node("Conv", "conv", [g.Input("x", OnnxGraphBuilder.Float, 1, 4, 8, 8), g.Weight("w", OnnxGraphBuilder.Float, 8, 4, 3, 3)]);
        y = g.Node("NonMaxSuppression", "nms", [y]);
        string path = g.Write(Path.Combine(_dir, "bad.onnx"), y);
        string outDir = Path.Combine(_dir, "out");

        var run = CliRun.Of("simulate", "--workload", path, "--out", outDir);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(run.Error, Does.StartWith($"{path}: graph.node[1] 'nms' (NonMaxSuppression): operator NonMaxSuppression is not supported"));
        Assert.That(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any(), Is.False);
    }
}
