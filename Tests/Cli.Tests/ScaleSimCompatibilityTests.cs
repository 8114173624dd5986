using System.Text.Json;

namespace QuantSim.Cli.Tests;

/// <summary>
/// Users coming from SCALE-Sim v2: its config and topology files are read unchanged, its three
/// report files come out byte for byte as SCALE-Sim wrote them for the reference runs
/// (from shared/reference/scalesim, stored once in Tests/Fixtures/scalesim), and QuantSim's own memory model in
/// SCALE-Sim timing with ideal bandwidth gives the same cycles and SRAM counts per layer.
/// </summary>
public sealed class ScaleSimCompatibilityTests
{
    private static string Fixture(string run) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "scalesim", run);

    private static (CliRun Run, string Out) Simulate(string run)
    {
        string dir = Fixture(run);
        string output = Path.Combine(Path.GetTempPath(), $"quantsim-scalesim-{Guid.NewGuid():N}");
        string cfg = Directory.GetFiles(dir, "*.cfg").Single();
        string topology = Directory.GetFiles(dir, "*.csv").Single(f => !Path.GetFileName(f).EndsWith("REPORT.csv", StringComparison.Ordinal));
        return (CliRun.Of("simulate", "--scalesim-config", cfg, "--topology", topology, "--out", output), output);
    }

    [TestCase("tiny_gemm_8x8_ws")]
    [TestCase("tiny_conv_8x8_os")]
    [TestCase("tiny_conv_8x8_is")]
    [TestCase("tiny_gemm_8x8_os_user_bw2_1kB")]
    public void Should_Write_SCALE_Sims_Reports_Byte_For_Byte(string run)
    {
        var (result, output) = Simulate(run);
        try
        {
            Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
            foreach (string report in new[] { "COMPUTE_REPORT.csv", "BANDWIDTH_REPORT.csv", "DETAILED_ACCESS_REPORT.csv" })
            {
                Assert.That(File.ReadAllText(Path.Combine(output, report)), Is.EqualTo(File.ReadAllText(Path.Combine(Fixture(run), report))), report);
            }
        }
        finally
        {
            Directory.Delete(output, true);
        }
    }

    [TestCase("tiny_gemm_8x8_ws")]
    [TestCase("tiny_conv_8x8_os")]
    [TestCase("tiny_conv_8x8_is")]
    public void Should_Give_SCALE_Sims_Cycles_And_Sram_Counts_From_The_Native_Memory_Model_With_Ideal_Bandwidth(string run)
    {
        var (result, output) = Simulate(run);
        try
        {
            Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "result.json")));
            var layers = json.RootElement.GetProperty("layers").EnumerateArray().ToList();
            var compute = Rows(Path.Combine(Fixture(run), "COMPUTE_REPORT.csv"));
            var access = Rows(Path.Combine(Fixture(run), "DETAILED_ACCESS_REPORT.csv"));

            Assert.That(layers, Has.Count.EqualTo(compute.Count));
            for (int i = 0; i < layers.Count; i++)
            {
                var sram = layers[i].GetProperty("sram");
                Assert.Multiple(() =>
                {
                    // COMPUTE_REPORT: Total Cycles (column 1); DETAILED_ACCESS: SRAM IFMAP Reads (3), Filter Reads (6), OFMAP Writes (9)
                    Assert.That(layers[i].GetProperty("cycles").GetInt64(), Is.EqualTo(long.Parse(compute[i][1])), $"layer {i} cycles");
                    Assert.That(layers[i].GetProperty("stall_cycles").GetInt64(), Is.Zero);
                    Assert.That(sram.GetProperty("ifmap_reads").GetInt64(), Is.EqualTo(long.Parse(access[i][3])), $"layer {i} ifmap reads");
                    Assert.That(sram.GetProperty("filter_reads").GetInt64(), Is.EqualTo(long.Parse(access[i][6])), $"layer {i} filter reads");
                    Assert.That(sram.GetProperty("ofmap_writes").GetInt64(), Is.EqualTo(long.Parse(access[i][9])), $"layer {i} ofmap writes");
                });
            }
        }
        finally
        {
            Directory.Delete(output, true);
        }
    }

    private static List<string[]> Rows(string csv) =>
        File.ReadAllLines(csv).Skip(1).Select(l => l.Split(',').Select(c => c.Trim()).ToArray()).ToList();
}
