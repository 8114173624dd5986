using QuantSim.Workloads.Layers;

namespace QuantSim.Workloads.Tests.Layers;

[TestFixture]
public sealed class PrecisionTests
{
    [TestCase("w4a4", 4, 4, 32)]
    [TestCase("w8a8", 8, 8, 32)]
    [TestCase("w8a8acc32", 8, 8, 32)]
    [TestCase("w2a8acc16", 2, 8, 16)]
    [TestCase("w16a16acc48", 16, 16, 48)]
    [TestCase("w1a1acc2", 1, 1, 2)]
    public void Should_parse_weight_activation_and_optional_accumulator_bits(string text, int w, int a, int acc)
    {
        Assert.That(Precision.TryParse(text, out var precision, out string error), Is.True, error);
        Assert.That(precision, Is.EqualTo(new Precision(w, a, acc)));
    }

    [TestCase("W8A8")]
    [TestCase("w8")]
    [TestCase("int8")]
    [TestCase("w8a8acc")]
    [TestCase("w8 a8")]
    [TestCase("w8a8acc32x")]
    [TestCase("")]
    public void Should_refuse_anything_but_the_documented_spelling(string text)
    {
        Assert.That(Precision.TryParse(text, out var precision, out string error), Is.False);
        Assert.That(precision, Is.Null);
        Assert.That(error, Does.StartWith($"unknown precision '{text}'"));
    }

    [TestCase("w33a8")]
    [TestCase("w8a0")]
    [TestCase("w8a8acc15")]
    [TestCase("w32a32acc65")]
    [TestCase("w20a20")]
    public void Should_refuse_widths_out_of_range_or_an_accumulator_too_narrow_for_one_product(string text)
    {
        Assert.That(Precision.TryParse(text, out _, out string error), Is.False);
        Assert.That(error, Does.StartWith($"precision '{text}': "));
    }

    [TestCase(8, 8, 32, "w8a8")]
    [TestCase(4, 4, 16, "w4a4acc16")]
    [TestCase(16, 16, 64, "w16a16acc64")]
    public void Should_spell_a_precision_so_it_parses_back(int w, int a, int acc, string spec)
    {
        var precision = new Precision(w, a, acc);
        Assert.That(precision.Spec, Is.EqualTo(spec));
        Assert.That(Precision.TryParse(spec, out var back, out _), Is.True);
        Assert.That(back, Is.EqualTo(precision));
    }
}
