namespace QuantSim.Workloads.Tests.Traces;

/// <summary>Where SCALE-Sim's own files live in the test output (Tests/Fixtures/scalesim, stored once for all test projects).</summary>
internal static class Fixtures
{
    public static string ScaleSim => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "scalesim");

    public static string File(string name) => Path.Combine(ScaleSim, name);
}
