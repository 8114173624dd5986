using QuantSim.Input;

namespace QuantSim.Workloads.Tests.Input;

public sealed class YamlSectionTests
{
    private static (YamlSection Root, InputDiagnostics Diagnostics) Parse(string text)
    {
        var diagnostics = new InputDiagnostics("t.yaml");
        var root = YamlSection.Parse(text, diagnostics);
        Assert.That(root, Is.Not.Null, string.Join("\n", diagnostics.Errors));
        return (root!, diagnostics);
    }

    [Test]
    public void Should_Read_Plain_Scalars_As_Typed_Values()
    {
        var (root, diagnostics) = Parse("n: 42\nx: 2.5\nb: false\ns: hello\n");

        Assert.Multiple(() =>
        {
            Assert.That(root.Int("n", true, 0, 100, "n"), Is.EqualTo(42));
            Assert.That(root.Number("x", true, 0, 10, "x"), Is.EqualTo(2.5));
            Assert.That(root.Boolean("b", true, "b"), Is.False);
            Assert.That(root.String("s", true, "s"), Is.EqualTo("hello"));
            Assert.That(diagnostics.Errors, Is.Empty);
        });
    }

    [Test]
    public void Should_Refuse_A_Quoted_Number()
    {
        var (root, diagnostics) = Parse("n: \"42\"\n");

        Assert.That(root.Int("n", true, 0, 100, "a count"), Is.Null);
        Assert.That(diagnostics.Errors.Single().ToString(),
            Is.EqualTo("t.yaml:1:4: n: expected an integer (a count), got the quoted string \"42\"; remove the quotes"));
    }

    [Test]
    public void Should_Report_An_Empty_Value()
    {
        var (root, diagnostics) = Parse("n:\nm: 1\n");

        Assert.That(root.Int("n", true, 0, 100, "a count"), Is.Null);
        Assert.That(diagnostics.Errors.Single().ToString(), Does.StartWith("t.yaml:").And.Contain("n: no value given (a count)"));
    }

    [Test]
    public void Should_Report_Unknown_Keys_Only_After_The_Allowed_Ones_Were_Declared()
    {
        var (root, diagnostics) = Parse("a: 1\nzz: 2\n");

        _ = root.Int("a", true, 0, 9, "a");
        _ = root.Int("b", false, 0, 9, "b");
        root.RejectUnknownKeys();

        Assert.That(diagnostics.Errors.Single().ToString(), Is.EqualTo("t.yaml:2:1: zz: unknown key; allowed: a, b"));
    }

    [Test]
    public void Should_Reject_A_Document_That_Is_Not_A_Mapping()
    {
        var diagnostics = new InputDiagnostics("t.yaml");

        Assert.That(YamlSection.Parse("- 1\n- 2\n", diagnostics), Is.Null);
        Assert.That(diagnostics.Errors.Single().Field, Is.EqualTo("(document)"));
    }
}
