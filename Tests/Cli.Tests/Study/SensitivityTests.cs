using QuantSim.Cli.Study;
using QuantSim.Datapaths.Contract;
using QuantSim.Energy.Model;
using QuantSim.Simulator.Config;

namespace QuantSim.Cli.Tests.Study;

/// <summary>
/// <c>study --sensitivity</c>: each cost alternative, built in code from the config and the table, prices a
/// point exactly as the same change written into a config or cost-table file and read back does; every
/// comparison's range holds its baseline.
/// </summary>
public sealed class SensitivityTests
{
    private string _dir = string.Empty;

    [SetUp]
    public void CreateFolder()
    {
        _dir = Path.Combine(Path.GetTempPath(), $"quantsim-sensitivity-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(_dir, "dram"));
        foreach (string set in Directory.GetFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, "accel-configs", "dram")))
        {
            File.Copy(set, Path.Combine(_dir, "dram", Path.GetFileName(set)));
        }
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    private static AcceleratorConfig Default => AcceleratorConfigReader.Default.ReadFile(CliRun.BuiltIn("default"));

    /// <summary>The default config with <paramref name="edits"/> applied to its text, read back from a file.</summary>
    private AcceleratorConfig Edited(params (string From, string To)[] edits)
    {
        string text = File.ReadAllText(CliRun.BuiltIn("default"));
        foreach (var (from, to) in edits)
        {
            Assert.That(text, Does.Contain(from), "the shipped config changed; update the test's edit");
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        string file = Path.Combine(_dir, "edited.yaml");
        File.WriteAllText(file, text);
        return AcceleratorConfigReader.Default.ReadFile(file);
    }

    private static decimal Energy(AcceleratorConfig config, string form, CostAlternative? alternative)
    {
        var variant = StudyVariant.All(DatapathRegistry.Default).Single(v => v.Label == form);
        return StudyHardware.Measure(config, Workloads.WorkloadSource.Resolve("lenet5"), variant, StudyPrecision.All[1], sizeAccumulators: true, alternative).Priced.EnergyPerInferencePj;
    }

    private static CostAlternative Alternative(string name)
    {
        var config = Default;
        return CostAlternative.Documented(config, QuantSim.Energy.Pricing.PricingCheck.Check(config)).Single(a => a.Name == name);
    }

    [TestCase("scale-offset/in-pe")]
    [TestCase("scale-offset/dequantize-at-edge")]
    public void Should_Price_The_Dram_Option_Word_Width_And_Clock_Gating_As_The_Edited_Config_Does(string form)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Energy(Default, form, Alternative("dram-h14-high")),
                Is.EqualTo(Energy(Edited(("  dram_energy: lpddr4", "  dram_energy: h14-high")), form, null)));
            Assert.That(Energy(Default, form, Alternative("sram-words-64")),
                Is.EqualTo(Energy(Edited(("    word_bits: 256 ", "    word_bits: 64 "), ("    word_bits: 1024", "    word_bits: 64")), form, null)));
            Assert.That(Energy(Default, form, Alternative("clock-gating-idle-pe")),
                Is.EqualTo(Energy(Edited(("  dataflow: os", "  dataflow: os\n  clock_gating: idle-pe")), form, null)));
        });
    }

    [TestCase("register-read-ald", "  read: { pj_per_bit: 0,", "  read: { pj_per_bit: 0.009,")]
    [TestCase("register-write-ng45", "  write: { pj_per_bit: 0.009,", "  write: { pj_per_bit: 0.019,")]
    public void Should_Price_A_Register_Alternative_As_The_Edited_Cost_Table_Does(string name, string from, string to)
    {
        // Given the shipped table with the alternative's number written into it
        string table = File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Tables", "horowitz-45nm.yaml"));
        Assert.That(table, Does.Contain(from), "the shipped table changed; update the test's edit");
        File.WriteAllText(Path.Combine(_dir, "edited-table.yaml"), table.Replace(from, to, StringComparison.Ordinal));
        var edited = Edited(("  cost_table: horowitz-45nm", "  cost_table: edited-table.yaml"));

        // Then the in-code alternative prices LSQ and an offset form as that table does, and differs from the baseline
        foreach (string form in new[] { "lsq", "scale-offset/edge" })
        {
            decimal alternative = Energy(Default, form, Alternative(name));
            Assert.That(alternative, Is.EqualTo(Energy(edited, form, null)), form);
            Assert.That(alternative, Is.GreaterThan(Energy(Default, form, null)), form);
        }
    }

    [Test]
    public void Should_Price_The_Qkeras_Multiplier_Law_As_A_Cost_Table_Listing_Its_Values_Does()
    {
        // Given the shipped table with its multiplier family replaced by points written out here from the reference's
        // formula (energy-45nm.md 4b: E = 0.002994791667 ab + 0.001041666667 sqrt(ab) pJ, QKeras qtools), one per
        // product a*b of widths 1..64, areas kept from the table's own product law
        string path = Path.Combine(TestContext.CurrentContext.TestDirectory, "Tables", "horowitz-45nm.yaml");
        string table = File.ReadAllText(path);
        int start = table.IndexOf("\nmultiplier:\n", StringComparison.Ordinal);
        int end = table.IndexOf("\n# Barrel shifters", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThan(0).And.LessThan(end), "the shipped table changed; update the test's edit");
        var shipped = QuantSim.Energy.Costs.CostTableReader.ReadFile(path);
        var block = new System.Text.StringBuilder("\nmultiplier:\n  law: product\n  source: \"QK fpm_mul\"\n  min_bits: 1\n  max_bits: 64\n  points:\n");
        block.Append("    - { a_bits: 0, b_bits: 0, energy_pj: 0, area_um2: 0, kind: derived, source: \"QK origin\" }\n");
        var seen = new HashSet<int>();
        for (int a = 1; a <= 64; a++)
        {
            for (int b = a; b <= 64; b++)
            {
                if (seen.Add(a * b))
                {
                    double pj = (0.002994791667 * a * b) + (0.001041666667 * Math.Sqrt(a * b));
                    block.Append(System.Globalization.CultureInfo.InvariantCulture,
                        $"    - {{ a_bits: {a}, b_bits: {b}, energy_pj: {pj:R}, area_um2: {shipped.Multiplier.AreaUm2(a, b, false):R}, kind: interpolated, source: \"QK fpm_mul\" }}\n");
                }
            }
        }

        File.WriteAllText(Path.Combine(_dir, "edited-table.yaml"), table[..start] + Reorder(block.ToString()) + table[end..]);
        var edited = Edited(("  cost_table: horowitz-45nm", "  cost_table: edited-table.yaml"));

        // Then the in-code alternative prices every form as that table does; forms with other products than
        // 8 x 8 (edge: 9 x 9 with zero points; dequantize: 16 x 16) move, because only 8 x 8 and 32 x 32 are shared anchors
        var alternative = Alternative("multiplier-qkeras");
        Assert.Multiple(() =>
        {
            Assert.That(CostAlternative.QkerasMultipliers(shipped).MultiplyPj(8, 8), Is.EqualTo(0.2).Within(1e-9));
            Assert.That(CostAlternative.QkerasMultipliers(shipped).MultiplyPj(32, 32), Is.EqualTo(3.1).Within(1e-9));
            Assert.That(CostAlternative.QkerasMultipliers(shipped).MultiplyPj(16, 16), Is.EqualTo(0.7833).Within(1e-4));
            foreach (string form in new[] { "lsq", "scale-offset/edge", "scale-offset/dequantize-in-pe" })
            {
                Assert.That(Energy(Default, form, alternative), Is.EqualTo(Energy(edited, form, null)), form);
            }

            Assert.That(Energy(Default, "scale-offset/dequantize-in-pe", alternative), Is.Not.EqualTo(Energy(Default, "scale-offset/dequantize-in-pe", null)));
        });
    }

    /// <summary>The points of a product-law family ordered by their product a*b, as the reader requires.</summary>
    private static string Reorder(string block)
    {
        var lines = block.Split('\n');
        var head = lines.TakeWhile(l => !l.StartsWith("    - ", StringComparison.Ordinal)).ToList();
        var points = lines.Where(l => l.StartsWith("    - ", StringComparison.Ordinal))
            .OrderBy(l => Product(l)).ToList();
        return string.Join('\n', head) + "\n" + string.Join('\n', points);

        static int Product(string line)
        {
            var m = System.Text.RegularExpressions.Regex.Match(line, @"a_bits: (\d+), b_bits: (\d+)");
            return int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) * int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    [Test]
    public void Should_Give_Every_Comparison_A_Range_That_Holds_Its_Baseline()
    {
        var config = Default;
        var lenet = Workloads.WorkloadSource.Resolve("lenet5");
        var variants = QuantSim.Cli.Commands.StudyCommand.Forms(StudyVariant.All(DatapathRegistry.Default), "scale-offset/in-pe,scale-offset/dequantize-in-pe");
        var options = new StudyOptions("lenet5", "mnist", CliRun.BuiltIn("default"), lenet.Name);
        var study = StudyRunner.Run(options, variants, config, lenet, lenet, null, new Progress<string>());

        var sensitivity = SensitivityRun.Run(study, variants, config, lenet, lenet, new Progress<string>());

        // One pair per comparison (2 forms x 5 precisions) under the baseline and each priced alternative
        int priced = sensitivity.Alternatives.Count(a => a.Refused is null);
        Assert.That(priced, Is.EqualTo(CostAlternative.Documented(config, QuantSim.Energy.Pricing.PricingCheck.Check(config)).Count));
        Assert.That(sensitivity.Pairs, Has.Length.EqualTo(10 * (priced + 1)));
        foreach (var (baseline, levels) in sensitivity.Ranges(p => p.LevelsLarge))
        {
            var headline = study.Headline.Single(h => h.Form == baseline.Form && h.Precision == baseline.LsqPoint);
            for (int i = 0; i < levels.Length; i++)
            {
                Assert.That(levels[i].Baseline, Is.EqualTo(headline.LevelsLarge[i].EnergyRatio));
                Assert.That(levels[i].Low, Is.LessThanOrEqualTo(levels[i].Baseline));
                Assert.That(levels[i].High, Is.GreaterThanOrEqualTo(levels[i].Baseline));
            }

            // The PE's arithmetic has no register, SRAM or DRAM in it: only the multiplier law moves it
            Assert.That(levels[0].Level, Is.EqualTo(AccountingLevel.PeArithmetic));
            var others = sensitivity.Pairs.Where(p => p.Comparison == baseline.Comparison && p.Alternative != "multiplier-qkeras");
            Assert.That(others.Select(p => p.LevelsLarge[0].EnergyRatio).Distinct().Count(), Is.EqualTo(1), baseline.Form);
        }

        // The dequantize-in-pe form's 16 x 16 multipliers are priced differently by the two laws, so its PE-arithmetic ratio moves
        Assert.That(sensitivity.Ranges(p => p.LevelsLarge).Where(r => r.Baseline.Form == "scale-offset/dequantize-in-pe").Select(r => r.Levels[0]),
            Has.Some.Matches<RatioRange>(r => r.Low < r.High));
    }
}
