namespace QuantSim.Cli.Tests;

public sealed class ValidateCommandTests
{
    [Test]
    public void Should_Accept_Every_Shipped_Config_With_Exit_Code_0()
    {
        string[] names = ["default", "edge-16x16", "eyeriss", "scalesim-32x32", "tpu-v1"];

        var run = CliRun.Of(["validate", .. names.Select(CliRun.BuiltIn)]);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(5).And.All.StartWith("ok"));
    }

    [Test]
    public void Should_Resolve_A_Built_In_Name_As_Well_As_A_Path()
    {
        var run = CliRun.Of("validate", "default");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain("default, 32x32 ws, lsq w8a8"));
    }

    [Test]
    public void Should_Print_Located_Errors_And_Exit_2_Without_A_Stack_Trace()
    {
        // Given a config whose rows are negative (line 4, value in column 9)
        string file = Path.Combine(Path.GetTempPath(), $"quantsim-bad-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, File.ReadAllText(CliRun.BuiltIn("edge-16x16")).Replace("rows: 16", "rows: -4", StringComparison.Ordinal));
        int line = Array.FindIndex(File.ReadAllLines(file), l => l.Contains("rows: -4", StringComparison.Ordinal)) + 1;
        try
        {
            // When validated together with a good one
            var run = CliRun.Of("validate", CliRun.BuiltIn("default"), file);

            // Then the good file is reported ok, the bad one with FILE:LINE:COL: field: message, and exit code 2
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Output, Does.StartWith("ok"));
            Assert.That(run.Error, Does.Contain($"{file}:{line}:9: array.rows: must be between 1 and 4096, got -4"));
            Assert.That(run.Error, Does.Contain("1 of 2 config files have errors."));
            Assert.That(run.Error, Does.Not.Contain(" at QuantSim"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void Should_Exit_2_For_A_Name_That_Is_Neither_A_File_Nor_Built_In()
    {
        var run = CliRun.Of("validate", "no-such-accelerator");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.StartWith("no-such-accelerator: config: no such file and no built-in config of that name; built-in: default, edge-16x16, eyeriss, scalesim-32x32, tpu-v1"));
    }
}
