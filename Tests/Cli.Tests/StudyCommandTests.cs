using System.Text.Json;

namespace QuantSim.Cli.Tests;

public sealed class StudyCommandTests
{
    [Test]
    public void Should_Price_Every_Variant_And_Precision_And_Write_A_Self_Contained_Report()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"quantsim-study-{Guid.NewGuid():N}");
        try
        {
            // Hardware only (no training), LeNet-5 and ResNet-18 on the default accelerator
            var run = CliRun.Of("study", "--no-accuracy", "--out", dir);
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);

            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "study.json")));
            var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
            var skipped = json.RootElement.GetProperty("skipped").EnumerateArray().ToList();
            var headline = json.RootElement.GetProperty("headline").EnumerateArray().ToList();

            // 9 study forms (fixed-point, lsq, per-channel, mixed-precision and the 5 scale-offset forms) x 5
            // precision points = 45; the bit-composable PE has no 3-bit mode
            Assert.That(rows.Count + skipped.Count, Is.EqualTo(45));
            Assert.That(skipped.Select(s => $"{s.GetProperty("variant").GetString()} {s.GetProperty("precision").GetString()}"),
                Is.EqualTo(new[] { "mixed-precision w3a3" }));
            // LSQ against each of the 5 scale-offset forms at each of the 5 precision points
            Assert.That(headline, Has.Count.EqualTo(25));

            // The folded form leaves the PE array as LSQ's, so its datapath costs the same or more per inference;
            // the in-PE form's wider multiplier and subtractor cost strictly more
            foreach (var h in headline)
            {
                double core = h.GetProperty("lsq_core_efficiency_ratio_large").GetDouble();
                Assert.That(core, h.GetProperty("form").GetString() == "scale-offset/in-pe" ? Is.GreaterThan(1.0) : Is.GreaterThanOrEqualTo(1.0));
            }

            string html = File.ReadAllText(Path.Combine(dir, "report.html"));
            Assert.That(html, Does.Contain("<table id=\"headline\">").And.Contain("data:image/png;base64,"));
            Assert.That(html, Does.Not.Contain("http://").And.Not.Contain("https://").And.Not.Contain("<script"));
            Assert.That(File.ReadAllLines(Path.Combine(dir, "study.csv")), Has.Length.EqualTo(rows.Count + 1));
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, true);
            }
        }
    }
}
