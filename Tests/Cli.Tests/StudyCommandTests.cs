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

            // At the PE-arithmetic level the folded form's PE is LSQ's (ratio exactly 1); every other form's PE
            // multiplies wider operands (and in-pe also subtracts), so costs strictly more. Every level is reported.
            foreach (var h in headline)
            {
                var levels = h.GetProperty("levels_large");
                Assert.That(levels.EnumerateObject().Select(l => l.Name), Is.EqualTo(new[] { "pe-arithmetic", "pe", "array-datapath", "on-chip", "system" }));
                double arithmetic = levels.GetProperty("pe-arithmetic").GetProperty("energy_ratio").GetDouble();
                Assert.That(arithmetic, h.GetProperty("form").GetString() == "scale-offset/folded" ? Is.EqualTo(1.0) : Is.GreaterThan(1.0));
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
