using QuantSim.Input;
using QuantSim.Workloads.Tests.Traces;
using QuantSim.Workloads.Traces;

namespace QuantSim.Workloads.Tests;

[TestFixture]
public sealed class WorkloadSourceTests
{
    private string _dir = "";

    [SetUp]
    public void CreateDirectory()
    {
        _dir = Path.Combine(Path.GetTempPath(), "quantsim-workloads-" + TestContext.CurrentContext.Test.ID);
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Should_resolve_a_zoo_name_ignoring_case()
    {
        Assert.That(WorkloadSource.Resolve("MobileNetV2").Name, Is.EqualTo("mobilenetv2"));
    }

    [Test]
    public void Should_resolve_a_scalesim_topology_path()
    {
        var workload = WorkloadSource.Resolve(Fixtures.File("topologies/Resnet18.csv"));
        Assert.That((workload.Name, workload.Layers.Length), Is.EqualTo(("Resnet18", 21)));
    }

    [Test]
    public void Should_resolve_a_quantsim_trace_path_by_its_content()
    {
        // Given a zoo model written as a QuantSim trace
        var lenet = WorkloadSource.Resolve("lenet5");
        string path = Path.Combine(_dir, "lenet5.csv");
        QuantSimTraceWriter.WriteFile(path, lenet);

        // Then the path resolves to the same workload
        Assert.That(WorkloadSource.Resolve(path), Is.EqualTo(lenet));
    }

    [Test]
    public void Should_tell_the_two_csv_formats_apart()
    {
        Assert.That(WorkloadSource.IsQuantSimTrace("name,kind,m,n,k\ng,gemm,1,2,3\n"), Is.True);
        Assert.That(WorkloadSource.IsQuantSimTrace("# comment\nname,kind,m,n,k\n"), Is.True);
        Assert.That(WorkloadSource.IsQuantSimTrace(File.ReadAllText(Fixtures.File("tiny_gemm_8x8_os/tiny_gemm.csv"))), Is.False);
        Assert.That(WorkloadSource.IsQuantSimTrace(File.ReadAllText(Fixtures.File("topologies/Resnet50.csv"))), Is.False);
    }

    [Test]
    public void Should_reject_a_name_that_is_neither_a_zoo_model_nor_a_file()
    {
        var ex = Assert.Throws<InputException>(() => WorkloadSource.Resolve("resnet51"));

        Assert.That(ex!.Errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "resnet51: no zoo workload or file of that name; zoo: lenet5, resnet20, resnet20-fmnist, mobilenet-hswish, alexnet, vgg16, resnet18, resnet50, mobilenetv2, bert-base-128, bert-base-512; or give an ONNX model (.onnx) or a SCALE-Sim topology or QuantSim trace .csv path",
        }));
    }

    [Test]
    public void Should_pass_on_the_located_errors_of_a_bad_file()
    {
        string path = Path.Combine(_dir, "bad.csv");
        File.WriteAllText(path, "name,kind,m,n,k\ng1,gemm,1,-2,3\n");

        var ex = Assert.Throws<InputException>(() => WorkloadSource.Resolve(path));

        Assert.That(ex!.Errors.Select(e => e.ToString()), Is.EqualTo(new[] { $"{path}:2: n: must be a positive integer, got -2" }));
    }
}
