using QuantSim.Simulator.Config.ScaleSim;
using QuantSim.Simulator.ScaleSimCompat;
using QuantSim.Workloads.Traces;
namespace QuantSim.Simulator.Tests.ScaleSimCompat;
[TestFixture, Explicit]
public sealed class DebugScratch
{
    [TestCase("b_alexnet_32x32_os")]
    [TestCase("b_alexnet_32x32_ws")]
    [TestCase("golden_ci_alexnet_part_32x32_ws")]
    [TestCase("d_alexnet_conv1_32x32_os_user_bw10")]
    [TestCase("d_alexnet_conv1_32x32_ws_user_bw10")]
    public void Big(string run)
    {
        string folder = Path.Combine("/work/shared/reference/scalesim/inputs", run);
        var config = ScaleSimConfigReader.ReadFile(Directory.GetFiles(folder, "*.cfg").Single());
        var topology = ScaleSimTopologyReader.ReadFile(Directory.GetFiles(folder, "*.csv").Single());
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var r = ScaleSimRunner.Run(config, topology);
        TestContext.Out.WriteLine($"{run} elapsed {sw.ElapsedMilliseconds} ms");
        TestContext.Out.WriteLine(ScaleSimReportWriter.ComputeReport(r));
        TestContext.Out.WriteLine(ScaleSimReportWriter.DetailedAccessReport(r));
    }
}
