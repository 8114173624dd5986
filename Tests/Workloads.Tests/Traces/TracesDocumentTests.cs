using QuantSim.Workloads.Layers;
using QuantSim.Workloads.Traces;

namespace QuantSim.Workloads.Tests.Traces;

/// <summary>Keeps Workloads/TRACES.md honest: its example trace must read, and its error lines must be ours.</summary>
[TestFixture]
public sealed class TracesDocumentTests
{
    [Test]
    public void Should_read_the_example_trace_of_traces_md()
    {
        // Given the first ```csv block of TRACES.md
        string document = File.ReadAllText(FindDocument());
        int start = document.IndexOf("```csv\n", StringComparison.Ordinal) + "```csv\n".Length;
        string example = document[start..document.IndexOf("```", start, StringComparison.Ordinal)];

        // When it is read
        var workload = QuantSimTraceReader.Read("example.csv", example, "example");

        // Then it has the five layers the text describes
        Assert.That(workload.Layers.Select(l => l.Name), Is.EqualTo(new[] { "conv1", "dw2", "pw2", "fc", "qk" }));
        Assert.That(workload.Layers.Select(l => l.Precision?.Spec), Is.EqualTo(new[] { "w8a8", "w4a4acc16", "w4a4", "w8a8", null }));
        Assert.That(((ConvLayer)workload.Layers[1]).Groups, Is.EqualTo(64));
        Assert.That(((GemmLayer)workload.Layers[4]).WeightsAreParameters, Is.False);
    }

    [Test]
    public void Should_read_the_shipped_mixed_precision_example_as_the_zoo_resnet20_shapes()
    {
        // Given Workloads/examples/resnet20-w4a4-mixed.csv
        string path = Path.Combine(Path.GetDirectoryName(FindDocument())!, "examples", "resnet20-w4a4-mixed.csv");

        // When it is resolved like any user file
        var mixed = WorkloadSource.Resolve(path);

        // Then without precisions it is the zoo's ResNet-20, with 8-bit ends and a 4-bit body
        var zoo = WorkloadSource.Resolve("resnet20");
        Assert.That(mixed.Layers.Select(l => l with { Precision = null }), Is.EqualTo(zoo.Layers));
        Assert.That((mixed.Layers[0].Precision!.Name, mixed.Layers[^1].Precision!.Name), Is.EqualTo(("w8a8", "w8a8")));
        Assert.That(mixed.Layers.Skip(1).SkipLast(1).Select(l => l.Precision!.Name), Is.All.EqualTo("w4a4"));
    }

    private static string FindDocument()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "Workloads", "TRACES.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail("Workloads/TRACES.md not found above the test directory");
        return string.Empty;
    }
}
