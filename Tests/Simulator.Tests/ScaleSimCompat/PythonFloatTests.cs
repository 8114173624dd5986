using QuantSim.Simulator.ScaleSimCompat;

namespace QuantSim.Simulator.Tests.ScaleSimCompat;

/// <summary>Python 3 <c>repr(float)</c> results (as printed by CPython) that SCALE-Sim's reports rely on.</summary>
[TestFixture]
public sealed class PythonFloatTests
{
    [TestCase(1.0, "1.0")]
    [TestCase(-32.0, "-32.0")]
    [TestCase(800.0 / 21.0, "38.095238095238095")]
    [TestCase(100.0 / 3.0, "33.333333333333336")]
    [TestCase(1.0 / 3.0, "0.3333333333333333")]
    [TestCase(0.1, "0.1")]
    [TestCase(0.0001, "0.0001")]
    [TestCase(0.00001, "1e-05")]
    [TestCase(2.5e-7, "2.5e-07")]
    [TestCase(123456789012345.0, "123456789012345.0")]
    [TestCase(1234567890123456.0, "1234567890123456.0")]
    [TestCase(1e16, "1e+16")]
    [TestCase(1.5e16, "1.5e+16")]
    [TestCase(5e-324, "5e-324")]
    [TestCase(1.7976931348623157e308, "1.7976931348623157e+308")]
    [TestCase(0.0, "0.0")]
    [TestCase(-0.0, "-0.0")]
    [TestCase(double.PositiveInfinity, "inf")]
    public void Should_print_like_Python_repr(double value, string python)
    {
        // Given a float, When printed, Then the text is CPython's repr of it
        Assert.That(PythonFloat.Repr(value), Is.EqualTo(python));
    }
}
