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
                Is.EqualTo(Energy(Edited(("    word_bits: 8", "    word_bits: 64"), ("    word_bits: 32", "    word_bits: 64")), form, null)));
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

            // The PE's arithmetic has no register, SRAM or DRAM in it: no alternative moves it
            Assert.That(levels[0].Level, Is.EqualTo(AccountingLevel.PeArithmetic));
            Assert.That(levels[0].Low, Is.EqualTo(levels[0].High));
        }
    }
}
