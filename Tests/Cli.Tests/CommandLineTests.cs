namespace QuantSim.Cli.Tests;

public sealed class CommandLineTests
{
    [TestCase("validate")]
    [TestCase("list")]
    [TestCase("list", "configs")]
    [TestCase("list", "datapaths")]
    [TestCase("list", "workloads")]
    [TestCase("simulate")]
    [TestCase("compare")]
    [TestCase("sweep")]
    [TestCase("merge")]
    [TestCase("study")]
    [TestCase("accuracy")]
    [TestCase("data", "fetch")]
    public void Should_Offer_Help_On_Every_Verb(params string[] verb)
    {
        var run = CliRun.Of([.. verb, "--help"]);

        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Output, Does.Contain("Usage:").And.Contain(verb[^1]));
    }

    [Test]
    public void Should_Exit_2_On_An_Unknown_Verb()
    {
        var run = CliRun.Of("simulat");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("simulat").And.Contain("quantsim --help"));
    }

    [Test]
    public void Should_Exit_2_When_Validate_Gets_No_File()
    {
        var run = CliRun.Of("validate");

        Assert.That(run.ExitCode, Is.EqualTo(2));
    }
}
