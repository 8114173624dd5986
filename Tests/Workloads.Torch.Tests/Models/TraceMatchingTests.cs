using QuantSim.Workloads.Layers;
using QuantSim.Workloads.Torch.Models;
using QuantSim.Workloads.Traces;

namespace QuantSim.Workloads.Torch.Tests.Models;

/// <summary>A per-layer trace must describe the trained network layer for layer before its bits are used.</summary>
public sealed class TraceMatchingTests
{
    [Test]
    public void Should_Accept_The_Shipped_LeNet5_Trace_With_Its_Per_Layer_Bits()
    {
        // Given Workloads/examples/lenet5-mixed.csv, the file both accuracy and simulate take
        var trace = QuantSimTraceReader.ReadFile(ExamplePath("lenet5-mixed.csv"));

        // Then it matches the TorchSharp LeNet-5 and carries a precision for every layer
        Assert.Multiple(() =>
        {
            Assert.That(ModelArchitecture.LeNet5.Mismatches(trace), Is.Empty);
            Assert.That(trace.Layers.Select(l => l.Precision!.Name), Is.EqualTo(new[] { "w8a8", "w4a4", "w2a4", "w2a4", "w8a8" }));
        });
    }

    [Test]
    public void Should_Name_Each_Layer_That_Differs()
    {
        // Given LeNet-5's layers with fc1 narrowed to 100 outputs, conv2 renamed and fc3 missing
        var layers = ModelArchitecture.LeNet5.ToWorkload().Layers;
        var edited = new Workload("edited",
        [
            layers[0],
            layers[1] with { Name = "conv2b" },
            ((FullyConnectedLayer)layers[2]) with { OutputFeatures = 100 },
            layers[3],
        ]);

        // When matched, Then each difference is one (layer, message) pair
        var mismatches = ModelArchitecture.LeNet5.Mismatches(edited).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(mismatches.Select(m => m.Layer), Is.EqualTo(new[] { "conv2b", "fc1", "fc3" }));
            Assert.That(mismatches[0].Message, Is.EqualTo("layer 2 of lenet5 is 'conv2'"));
            Assert.That(mismatches[1].Message, Does.StartWith("shape differs from lenet5's fc1: expected FullyConnectedLayer {"));
            Assert.That(mismatches[2].Message, Is.EqualTo("missing: lenet5 has 5 weight layers, the trace 4"));
        });
    }

    private static string ExamplePath(string name)
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "Workloads", "examples", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail($"Workloads/examples/{name} not found above the test directory");
        return string.Empty;
    }
}
