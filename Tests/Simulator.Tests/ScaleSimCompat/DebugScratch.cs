using QuantSim.Simulator.ScaleSimCompat;
namespace QuantSim.Simulator.Tests.ScaleSimCompat;
[TestFixture, Explicit]
public sealed class DebugScratch
{
    [TestCase("tiny_gemm_8x8_os_user_bw2_1kB")]
    [TestCase("tiny_gemm_8x8_ws_user_bw2_1kB")]
    [TestCase("tiny_gemm_8x8_is_user_bw2_1kB")]
    public void Dump(string run)
    {
        var r = ScaleSimReferenceRunTests.Simulate(run);
        TestContext.Out.WriteLine(ScaleSimReportWriter.DetailedAccessReport(r));
        TestContext.Out.WriteLine(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ScaleSimCompat", "Fixtures", run, "DETAILED_ACCESS_REPORT.csv")));
    }
}
