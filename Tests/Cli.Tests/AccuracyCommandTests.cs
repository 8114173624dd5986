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
    [TestCase("--precision", "w4x4", "--precision: w4x4: expected w<bits>a<bits>, e.g. w8a8 or w4a4")]
    public void Should_Exit_2_On_An_Unknown_Name(string option, string value, string message)
    {
        var run = CliRun.Of("accuracy", option, value);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.StartWith(message));
    }

    [Test]
    public void Should_Exit_2_When_Asked_To_Fetch_An_Unknown_Dataset()
    {
        var run = CliRun.Of("data", "fetch", "imagenet");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.StartWith("--dataset: imagenet: unknown dataset"));
    }
}
