using QuantSim.Input;

namespace QuantSim.Workloads.Tests.Input;

public sealed class InputErrorTests
{
    [TestCase(3, 7, "a.b", "bad", "f.yaml:3:7: a.b: bad")]
    [TestCase(3, 0, "col", "bad", "f.yaml:3: col: bad")]
    [TestCase(0, 0, "", "missing", "f.yaml: missing")]
    [TestCase(0, 0, "config", "missing", "f.yaml: config: missing")]
    public void Should_Print_Only_The_Known_Parts_Of_The_Location(int line, int column, string field, string message, string expected)
    {
        Assert.That(new InputError("f.yaml", line, column, field, message).ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void Should_Sort_Errors_By_Position_When_Thrown()
    {
        // Given errors recorded out of order
        var diagnostics = new InputDiagnostics("f.yaml");
        diagnostics.Add(9, 1, "z", "late");
        diagnostics.Add(2, 5, "b", "second");
        diagnostics.Add(2, 3, "a", "first");

        // When thrown, they come in line then column order
        var ex = Assert.Throws<InputException>(diagnostics.ThrowIfAny);
        Assert.That(ex!.Errors.Select(e => e.Field), Is.EqualTo(new[] { "a", "b", "z" }));
    }
}
