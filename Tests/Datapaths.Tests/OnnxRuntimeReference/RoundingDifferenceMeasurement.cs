namespace QuantSim.Datapaths.Tests.OnnxRuntimeReference;

/// <summary>
/// The larger measurement behind docs/onnx.md (about 15 s; not part of CI):
/// <c>dotnet test Tests/Datapaths.Tests --filter "FullyQualifiedName~RoundingDifferenceMeasurement" --logger "console;verbosity=detailed"</c>.
/// Also holds both modes to the CI bounds: fixed point at most one code apart, float32-half-even equal.
/// </summary>
[Explicit("measurement for docs/onnx.md, about 15 s")]
public sealed class RoundingDifferenceMeasurement
{
    [TestCase("QLinearConv")]
    [TestCase("QLinearMatMul")]
    public void Measure(string op)
    {
        var (all, _, _, float32) = OnnxRuntimeCrossCheckTests.FixedPointAgainstOnnxRuntime(op, 3000);
        Assert.That(all.MaxAbsoluteDifference, Is.LessThanOrEqualTo(1), all.ToString());
        Assert.That(float32.Differing, Is.Zero, float32.ToString());
    }
}
