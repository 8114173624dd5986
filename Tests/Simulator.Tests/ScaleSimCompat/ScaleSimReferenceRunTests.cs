using QuantSim.Simulator.Config.ScaleSim;
using QuantSim.Simulator.ScaleSimCompat;
using QuantSim.Workloads.Traces;

namespace QuantSim.Simulator.Tests.ScaleSimCompat;

/// <summary>
/// SCALE-Sim v2 (commit 22f88b1) reference runs, copied from shared/reference/scalesim into
/// Tests/Fixtures/scalesim (stored once for all test projects): their unchanged .cfg and topology files go in, and the three report CSVs
/// SCALE-Sim wrote must come out byte for byte. The expected values are SCALE-Sim's own output, an
/// independent implementation; nothing here is derived from our code.
/// </summary>
[TestFixture]
public sealed class ScaleSimReferenceRunTests
{
    private static string Root => Path.Combine(AppContext.BaseDirectory, "Fixtures", "scalesim");

    public static IEnumerable<TestCaseData> RunReports() =>
        from name in Directory.GetDirectories(Root, "tiny_*").Select(Path.GetFileName).Order(StringComparer.Ordinal)
        from file in new[] { "COMPUTE_REPORT.csv", "BANDWIDTH_REPORT.csv", "DETAILED_ACCESS_REPORT.csv" }
        select new TestCaseData(name, file).SetName($"{name} {file}");

    internal static ScaleSimReport Simulate(string run, Func<int, IScaleSimTraceObserver?>? observers = null)
    {
        string folder = Path.Combine(Root, run);
        var config = ScaleSimConfigReader.ReadFile(Directory.GetFiles(folder, "*.cfg").Single());
        var topology = ScaleSimTopologyReader.ReadFile(Directory.GetFiles(folder, "tiny_*.csv").Single());
        return ScaleSimRunner.Run(config, topology, observers);
    }

    [TestCaseSource(nameof(RunReports))]
    public void Should_write_the_report_SCALE_Sim_wrote_byte_for_byte(string run, string file)
    {
        // Given a SCALE-Sim run's cfg and topology, simulated in compatibility mode
        var report = Simulate(run);
        string directory = Path.Combine(Path.GetTempPath(), "quantsim-scalesim-" + Guid.NewGuid().ToString("N"));
        try
        {
            // When the reports are written
            ScaleSimReportWriter.Write(report, directory);

            // Then the file equals SCALE-Sim's
            string expected = File.ReadAllText(Path.Combine(Root, run, file));
            string actual = File.ReadAllText(Path.Combine(directory, file));
            Assert.That(actual, Is.EqualTo(expected));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
