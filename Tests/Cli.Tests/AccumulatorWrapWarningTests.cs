namespace QuantSim.Cli.Tests;

/// <summary>
/// A fixed accumulator narrower than a layer's dot product needs: <c>validate --workload</c> and
/// <c>simulate</c> say so per layer (name, K, bits needed, bits configured) at the config's
/// <c>datapath.accumulator_bits</c> (FILE:LINE:COL) and still run the design (exit 0); <c>auto</c> is silent.
/// </summary>
public sealed class AccumulatorWrapWarningTests
{
    private static (string File, int Line) Config(string accumulator)
    {
        // Given the default accelerator with the dequantize-in-pe form at D = 16 (16 x 16-bit products)
        string file = Path.Combine(Path.GetTempPath(), $"quantsim-acc-{Guid.NewGuid():N}.yaml");
        string text = File.ReadAllText(CliRun.BuiltIn("default"))
            .Replace("kind: lsq", "kind: scale-offset\n  form: dequantize-in-pe\n  dequant_bits: 16", StringComparison.Ordinal)
            .Replace("accumulator_bits: 32", $"accumulator_bits: {accumulator}", StringComparison.Ordinal)
            .Replace("timing: lpddr4-3200", $"timing: {Path.Combine(Path.GetDirectoryName(CliRun.BuiltIn("default"))!, "dram", "lpddr4-3200.yaml")}", StringComparison.Ordinal);
        File.WriteAllText(file, text);
        int line = Array.FindIndex(File.ReadAllLines(file), l => l.Contains("accumulator_bits:", StringComparison.Ordinal)) + 1;
        return (file, line);
    }

    [Test]
    public void Should_Warn_Per_Layer_At_The_Config_Field_When_A_Fixed_Accumulator_Can_Wrap()
    {
        var (file, line) = Config("32");
        try
        {
            // When validated against LeNet-5 and simulated on it
            var validate = CliRun.Of("validate", file, "--workload", "lenet5");
            var simulate = CliRun.Of("simulate", "--config", file, "--workload", "lenet5");

            // Then each command exits 0 and names every layer: fc1 has K = 400, so 16 + 16 + ceil(log2 400) = 41 bits
            foreach (var run in new[] { validate, simulate })
            {
                Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
                Assert.That(run.Error, Does.Contain(
                    $"{file}:{line}:21: datapath.accumulator_bits: warning: layer 'fc1' (K = 400): its sums can need 41 bits but the accumulator has 32, so they can wrap modulo 2^32"));
                Assert.That(run.Error, Does.Contain("layer 'conv1' (K = 25): its sums can need 37 bits"));
                Assert.That(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.Contains("warning: layer", StringComparison.Ordinal)), Is.EqualTo(5));
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void Should_Stay_Silent_With_Auto_Accumulators_And_Without_A_Workload()
    {
        var (file, _) = Config("auto");
        var (fixedFile, _) = Config("32");
        try
        {
            var auto = CliRun.Of("simulate", "--config", file, "--workload", "lenet5");
            var configOnly = CliRun.Of("validate", fixedFile);
            Assert.That(auto.ExitCode, Is.EqualTo(0), auto.Error);
            Assert.That(auto.Error, Does.Not.Contain("warning"));
            Assert.That(configOnly.ExitCode, Is.EqualTo(0), configOnly.Error);
            Assert.That(configOnly.Error, Is.Empty);
        }
        finally
        {
            File.Delete(file);
            File.Delete(fixedFile);
        }
    }
}
