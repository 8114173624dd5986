namespace QuantSim.Cli.Tests;

/// <summary>
/// Argument errors of the accuracy commands are caught before anything is trained or downloaded.
/// (Training and integer inference are tested in Tests/Workloads.Torch.Tests.)
/// </summary>
public sealed class AccuracyCommandTests
{
    [TestCase("--model", "resnet", "--model: resnet: unknown model; allowed: lenet5, small-cnn")]
    [TestCase("--dataset", "cifar10", "--dataset: cifar10: unknown dataset; allowed: mnist, fashion-mnist")]
    [TestCase("--datapath", "lsq-plus", "--datapath: lsq-plus: unknown datapath; allowed: fixed-point, lsq, per-channel, scale-offset, mixed-precision")]
    [TestCase("--precision", "w4x4", "--precision: w4x4: unknown precision 'w4x4'; expected w<bits>a<bits> or w<bits>a<bits>acc<bits>, e.g. w8a8 or w4a4acc16")]
    public void Should_Exit_2_On_An_Unknown_Name(string option, string value, string message)
    {
        var run = CliRun.Of("accuracy", option, value);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.StartWith(message));
    }

    [Test]
    public void Should_Exit_2_On_A_Precision_The_Plug_In_Cannot_Run()
    {
        // Given the bit-composable mixed-precision PE, which runs 2, 4, 8 or 16 bits only
        var run = CliRun.Of("accuracy", "--datapath", "mixed-precision", "--precision", "w3a3");

        // Then nothing is trained and the message names the layer and the rule
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.StartWith("--precision: w3a3: weight bits must be one of 2, 4, 8, 16, got 3 (mixed-precision)"));
    }

    [Test]
    public void Should_Exit_2_On_A_Layer_Bits_Trace_That_Is_Not_The_Model()
    {
        // Given a trace whose fc1 has 100 outputs (line 5) and whose fc2 has no bits (line 6)
        string trace = Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "accuracy", "lenet5-bad.csv");

        var run = CliRun.Of("accuracy", "--datapath", "mixed-precision", "--layer-bits", trace);

        // Then nothing is trained and each problem names the file, line and layer
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain($"{trace}:5: fc1: shape differs from lenet5's fc1"));
        Assert.That(run.Error, Does.Contain($"{trace}:6: fc2.precision: every layer needs its bits for training"));
    }

    [Test]
    public void Should_Exit_2_When_Layer_Bits_Meet_First_Last_Bits()
    {
        var run = CliRun.Of("accuracy", "--layer-bits", "any.csv", "--first-last-bits", "8");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.StartWith("--layer-bits: any.csv: the trace gives every layer its bits; leave out --first-last-bits"));
    }

    [Test]
    public void Should_Exit_2_When_Asked_To_Fetch_An_Unknown_Dataset()
    {
        var run = CliRun.Of("data", "fetch", "imagenet");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.StartWith("--dataset: imagenet: unknown dataset"));
    }
}
