namespace QuantSim.Cli.Tests;

public sealed class ListCommandTests
{
    [Test]
    public void Should_List_Every_Shipped_Config_With_Its_Array()
    {
        var run = CliRun.Of("list", "configs");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.Multiple(() =>
        {
            Assert.That(run.Output, Does.Contain("tpu-v1").And.Contain("256x256"));
            Assert.That(run.Output, Does.Contain("eyeriss").And.Contain("12x14"));
            Assert.That(run.Output, Does.Contain("scalesim-32x32"));
            Assert.That(run.Output, Does.Contain("edge-16x16").And.Contain("16x16"));
            Assert.That(run.Output, Does.Contain("default").And.Contain("32x32"));
        });
    }

    [Test]
    public void Should_List_Every_Registered_Datapath_With_Its_Options()
    {
        var run = CliRun.Of("list", "datapaths");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        foreach (string name in new[] { "fixed-point", "lsq", "per-channel", "scale-offset", "mixed-precision" })
        {
            Assert.That(run.Output, Does.Contain(name));
        }

        Assert.That(run.Output, Does.Contain("in-pe|folded"));
    }

    [Test]
    public void Should_List_The_Zoo_With_Layers_Macs_And_Parameters()
    {
        var run = CliRun.Of("list", "workloads");

        // ResNet-50 v1.5 as counted by the zoo tests (torchvision: 25,557,032 parameters)
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain("resnet50").And.Contain("4,089,184,256").And.Contain("25,557,032"));
        Assert.That(run.Output, Does.Contain("lenet5").And.Contain("bert-base-512"));
    }
}
