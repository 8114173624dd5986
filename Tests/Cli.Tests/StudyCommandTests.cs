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

            // 12 quantized study forms (fixed-point, lsq, lsq/signed, per-channel, mixed-precision priced two ways and
            // the 6 scale-offset forms) x 5 precision points = 60, plus the 3 float baseline forms once each at their
            // own widths; the bit-composable PE has no 3-bit mode
            Assert.That(rows.Count + skipped.Count, Is.EqualTo(63));
            Assert.That(
                rows.Where(r => r.GetProperty("variant").GetString()!.StartsWith("float/", StringComparison.Ordinal)).Select(r => $"{r.GetProperty("variant").GetString()} {r.GetProperty("precision").GetString()}"),
                Is.EqualTo(new[] { "float/fp16 w16a16", "float/bf16 w16a16", "float/fp32 w32a32" }));
            Assert.That(skipped.Select(s => $"{s.GetProperty("variant").GetString()} {s.GetProperty("precision").GetString()}"),
                Is.EqualTo(new[] { "mixed-precision w3a3", "mixed-precision/components w3a3" }));
            // LSQ against each of the 6 scale-offset forms at each of the 5 precision points
            Assert.That(headline, Has.Count.EqualTo(30));

            // At the PE-arithmetic level the folded form's PE is LSQ's (ratio exactly 1); every other form's PE
            // multiplies wider operands (and in-pe also subtracts), so costs strictly more. Every level is reported.
            foreach (var h in headline)
            {
                var levels = h.GetProperty("levels_large");
                Assert.That(levels.EnumerateObject().Select(l => l.Name), Is.EqualTo(new[] { "pe-arithmetic", "pe", "array-datapath", "on-chip", "system" }));
                double arithmetic = levels.GetProperty("pe-arithmetic").GetProperty("energy_ratio").GetDouble();
                Assert.That(arithmetic, h.GetProperty("form").GetString() == "scale-offset/folded" ? Is.EqualTo(1.0) : Is.GreaterThan(1.0));
            }

            // The float forms' PE arithmetic is one multiply in the format and one fp32 add per MAC, from the table:
            // fp16 mult 1.1 pJ, bf16 0.5911 pJ (derived), fp32 3.7 pJ, fp32 add 0.9 pJ (H14), times ResNet-18's MACs.
            QuantSim.Workloads.Zoo.ModelZoo.TryGet("resnet18", out var resnet18);
            foreach (var (form, perMac) in new[] { ("float/fp16", 1.1m + 0.9m), ("float/bf16", 0.5911m + 0.9m), ("float/fp32", 3.7m + 0.9m) })
            {
                var row = rows.Single(r => r.GetProperty("variant").GetString() == form);
                Assert.That(row.GetProperty("large").GetProperty("levels_pj").GetProperty("pe-arithmetic").GetDecimal(), Is.EqualTo(resnet18.Macs * perMac), form);
            }

            // Each float form against LSQ at each of the 5 points, as float energy over LSQ energy at each level.
            var baseline = json.RootElement.GetProperty("float_baseline").EnumerateArray().ToList();
            Assert.That(baseline, Has.Count.EqualTo(15));
            var fp16AtW4A4 = baseline.Single(b => b.GetProperty("form").GetString() == "float/fp16" && b.GetProperty("reference_precision").GetString() == "w4a4");
            var lsqW4A4 = rows.Single(r => r.GetProperty("variant").GetString() == "lsq" && r.GetProperty("precision").GetString() == "w4a4");
            var fp16 = rows.Single(r => r.GetProperty("variant").GetString() == "float/fp16");
            foreach (string level in new[] { "pe-arithmetic", "system" })
            {
                double expected = (double)(fp16.GetProperty("large").GetProperty("levels_pj").GetProperty(level).GetDecimal() / lsqW4A4.GetProperty("large").GetProperty("levels_pj").GetProperty(level).GetDecimal());
                Assert.That(fp16AtW4A4.GetProperty("levels_large").GetProperty(level).GetProperty("energy_ratio").GetDouble(), Is.EqualTo(expected), level);
            }

            string html = File.ReadAllText(Path.Combine(dir, "report.html"));
            Assert.That(html, Does.Contain("<table id=\"headline\">").And.Contain("<table id=\"float-baseline\">").And.Contain("data:image/png;base64,"));
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

    [Test]
    public void Should_Study_Only_The_Named_Forms_And_Keep_The_Reference()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"quantsim-study-{Guid.NewGuid():N}");
        try
        {
            var run = CliRun.Of("study", "--no-accuracy", "--large", "lenet5", "--variants", "scale-offset/folded,scale-offset/dequantize-at-edge", "--out", dir);
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);

            // lsq (the reference, kept unasked) and the two named forms, each at the 5 precision points, in
            // registry order; the headline pairs LSQ with each of the two offset forms at each point
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "study.json")));
            var variants = json.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("variant").GetString()).Distinct();
            Assert.That(variants, Is.EqualTo(new[] { "lsq", "scale-offset/folded", "scale-offset/dequantize-at-edge" }));
            Assert.That(json.RootElement.GetProperty("rows").GetArrayLength(), Is.EqualTo(15));
            Assert.That(json.RootElement.GetProperty("headline").GetArrayLength(), Is.EqualTo(10));
            // Without accuracy there is no fine-tuning budget to record
            Assert.That(json.RootElement.TryGetProperty("budget", out _), Is.False);
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, true);
            }
        }
    }

    [Test]
    public void Should_Train_Score_And_Search_A_Tiny_Study_And_Repeat_It_Byte_For_Byte_From_Its_Caches()
    {
        // The code path of the full study (float training, QAT, integer inference on the plug-in kernels,
        // the equal-accuracy search) at a size for CI: LeNet-5 on 600 MNIST images, 200 test images, one seed
        string first = Path.Combine(Path.GetTempPath(), $"quantsim-study-{Guid.NewGuid():N}");
        string second = first + "-again";
        string[] args = ["study", "--model", "lenet5", "--variants", "scale-offset/folded", "--seeds", "1", "--train-images", "600", "--qat-images", "200",
            "--test-images", "200", "--targets", "5", "--large", "lenet5"];
        try
        {
            var run = CliRun.Of([.. args, "--out", first]);
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(first, "study.json")));
            var root = json.RootElement;

            // Every grid cell is measured, on exactly the test images asked for
            foreach (var row in root.GetProperty("rows").EnumerateArray())
            {
                var seeds = row.GetProperty("accuracy").GetProperty("seeds").EnumerateArray().ToList();
                Assert.That(seeds, Has.Count.EqualTo(1));
                Assert.That(seeds[0].GetProperty("top1").GetDouble() * 200, Is.EqualTo(Math.Round(seeds[0].GetProperty("top1").GetDouble() * 200)).Within(1e-9));
            }

            Assert.That(System.Text.RegularExpressions.Regex.Replace(root.GetProperty("budget").ToString(), @"\s", string.Empty), Is.EqualTo("""{"float_epochs":1,"float_images":600,"qat_epochs":1,"qat_images":200,"test_images":200}"""));
            // The search ran for both forms, and the answer compares LSQ's cheapest point with the offset form's
            Assert.That(root.GetProperty("equal_accuracy").GetArrayLength(), Is.EqualTo(2));
            Assert.That(root.GetProperty("searched").GetArrayLength(), Is.GreaterThan(0));

            // A repeat loads every checkpoint and score: the same bytes
            var again = CliRun.Of([.. args, "--out", second]);
            Assert.That(again.ExitCode, Is.EqualTo(0), again.Error);
            Assert.That(File.ReadAllText(Path.Combine(second, "study.json")), Is.EqualTo(File.ReadAllText(Path.Combine(first, "study.json"))));
            Assert.That(again.Error, Does.Not.Contain("accuracy (trained checkpoints are cached)"));
        }
        finally
        {
            foreach (string dir in new[] { first, second }.Where(Directory.Exists))
            {
                Directory.Delete(dir, true);
            }
        }
    }

    [Test]
    public void Should_Compare_The_Offset_Forms_With_The_Chosen_Reference()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"quantsim-study-{Guid.NewGuid():N}");
        string plain = dir + "-lsq";
        try
        {
            string[] common = ["study", "--no-accuracy", "--large", "lenet5", "--variants", "scale-offset/folded"];
            var signed = CliRun.Of([.. common, "--reference", "lsq/signed", "--out", dir]);
            var unsigned = CliRun.Of([.. common, "--out", plain]);
            Assert.That(signed.ExitCode, Is.EqualTo(0), signed.Error);
            Assert.That(unsigned.ExitCode, Is.EqualTo(0), unsigned.Error);

            // The reference is kept without being named and recorded; plain lsq is not studied unless named
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "study.json")));
            Assert.That(json.RootElement.GetProperty("reference").GetString(), Is.EqualTo("lsq/signed"));
            var variants = json.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("variant").GetString()).Distinct();
            Assert.That(variants, Is.EqualTo(new[] { "lsq/signed", "scale-offset/folded" }));

            // Signed activation codes are priced as unsigned ones of the same width, so the headline's energy
            // ratios against lsq/signed are those against lsq, at every level and precision
            using var other = JsonDocument.Parse(File.ReadAllText(Path.Combine(plain, "study.json")));
            Assert.That(other.RootElement.GetProperty("reference").GetString(), Is.EqualTo("lsq"));
            string Ratios(JsonDocument d) => string.Join(";", d.RootElement.GetProperty("headline").EnumerateArray()
                .Select(h => h.GetProperty("precision").GetString() + " " + h.GetProperty("levels_large").GetRawText()));
            Assert.That(json.RootElement.GetProperty("headline").GetArrayLength(), Is.EqualTo(5));
            Assert.That(Ratios(json), Is.EqualTo(Ratios(other)));
            Assert.That(File.ReadAllText(Path.Combine(dir, "headline.md")), Does.Contain("accuracy vs lsq/signed"));
        }
        finally
        {
            foreach (string d in new[] { dir, plain })
            {
                if (Directory.Exists(d))
                {
                    Directory.Delete(d, true);
                }
            }
        }
    }

    [TestCase("--variants", "lsq,scale-offset/sideways", "--variants", "scale-offset/sideways")]
    [TestCase("--reference", "lsq/unsigned", "--reference", "unknown study form")]
    [TestCase("--reference", "scale-offset/in-pe", "--reference", "must be a form without one")]
    [TestCase("--reference", "float/fp16", "--reference", "a float form runs at its own widths only")]
    [TestCase("--qat-images", "0", "--qat-images", "at least 1")]
    [TestCase("--qat-epochs", "0", "--qat-epochs", "at least 1")]
    [TestCase("--test-images", "-5", "--test-images", "at least 1")]
    public void Should_Refuse_A_Study_That_Names_An_Unknown_Form_Or_Measures_Nothing(string option, string value, string field, string message)
    {
        string dir = Path.Combine(Path.GetTempPath(), $"quantsim-study-{Guid.NewGuid():N}");
        var run = CliRun.Of("study", "--no-accuracy", option, value, "--out", dir);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain(field).And.Contain(message).And.Not.Contain("   at "));
        Assert.That(Directory.Exists(dir), Is.False);
    }
}
