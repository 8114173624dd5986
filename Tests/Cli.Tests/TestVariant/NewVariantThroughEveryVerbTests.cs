using System.Text.Json;
using QuantSim.Datapaths.Contract;

namespace QuantSim.Cli.Tests.TestVariant;

/// <summary>
/// A variant added as one folder (<see cref="ShiftOnlyTestDatapath"/>, this folder) goes through every verb
/// that takes a datapath, with no edit anywhere else: it is only handed to the command in its registry.
/// </summary>
public sealed class NewVariantThroughEveryVerbTests
{
    private static readonly DatapathRegistry Registry = DatapathRegistry.Default.With(new ShiftOnlyTestDatapath());

    private string _dir = string.Empty;
    private string _config = string.Empty;

    [OneTimeSetUp]
    public void WriteConfig()
    {
        _dir = Path.Combine(Path.GetTempPath(), $"quantsim-variant-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_dir);
        string text = File.ReadAllText(CliRun.BuiltIn("edge-16x16"));
        Assert.That(text, Does.Contain("kind: per-channel"));
        _config = Path.Combine(_dir, "shift.yaml");
        File.WriteAllText(_config, text.Replace("kind: per-channel", "kind: shift-only-test\n  lanes: two", StringComparison.Ordinal));
    }

    [OneTimeTearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Should_validate_and_simulate_with_energy_priced_from_its_inventory()
    {
        Assert.That(CliRun.Of("validate", _config).ExitCode, Is.EqualTo(2), "the built-in registry does not know it");
        Assert.That(CliRun.With(Registry, "validate", _config).Output, Does.Contain("shift-only-test/two-lanes w8a8"));

        string outDir = Path.Combine(_dir, "simulate");
        var run = CliRun.With(Registry, "simulate", "--config", _config, "--workload", "lenet5", "--out", outDir);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "result.json")));
        var datapath = json.RootElement.GetProperty("config").GetProperty("datapath");
        Assert.Multiple(() =>
        {
            Assert.That(datapath.GetProperty("kind").GetString(), Is.EqualTo("shift-only-test"));
            Assert.That(datapath.GetProperty("lanes").GetString(), Is.EqualTo("two"));
            // Its requantizer is a shift: no output multiplier is priced, only adds, shifts and clamps.
            Assert.That(json.RootElement.GetProperty("energy").GetProperty("components_pj").GetProperty("output.datapath").GetDecimal(), Is.GreaterThan(0m));
        });
    }

    [Test]
    public void Should_enumerate_its_declared_forms_in_the_study()
    {
        string outDir = Path.Combine(_dir, "study");
        var run = CliRun.With(Registry, "study", "--no-accuracy", "--config", _config, "--large", "lenet5", "--out", outDir);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        string study = File.ReadAllText(Path.Combine(outDir, "study.json"));
        Assert.That(study, Does.Contain("shift-only-test/one-lane").And.Contain("shift-only-test/two-lanes"));
    }

    [Test]
    public void Should_sweep_its_own_option()
    {
        string outDir = Path.Combine(_dir, "sweep");
        var run = CliRun.With(Registry, "sweep", "--config", _config, "--workload", "lenet5", "--vary", "datapath.lanes=one,two", "--out", outDir);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var rows = File.ReadAllLines(Path.Combine(outDir, "sweep.csv"));
        Assert.That(rows, Has.Length.EqualTo(3));
    }

    [Test]
    public void Should_train_and_score_it_on_its_own_kernels_from_the_config()
    {
        string outDir = Path.Combine(_dir, "accuracy");
        var run = CliRun.With(Registry, "accuracy", "--config", _config, "--train-images", "600", "--test-images", "200", "--out", outDir);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        string accuracy = File.ReadAllText(Path.Combine(outDir, "accuracy.json"));
        Assert.That(accuracy, Does.Contain("shift-only-test"));
    }
}
