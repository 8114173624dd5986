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
    public void Should_List_Every_Verb_In_The_Root_Help()
    {
        var run = CliRun.Of("--help");

        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(Verb.All.Select(v => v.Name), Is.EquivalentTo(new[]
        {
            "list", "validate", "simulate", "compare", "study", "accuracy", "data", "sweep", "merge",
        }));
        foreach (var verb in Verb.All)
        {
            Assert.That(run.Output, Does.Contain(verb.Name));
        }
    }

    [Test]
    public void Should_Print_The_Version_Without_Asking_For_The_Datapath_Registry()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var interruption = Interruption.None();
        bool asked = false;

        int code = QuantSimApp.Run(["--version"], output, error, () =>
        {
            asked = true;
            return Datapaths.Contract.DatapathRegistry.Default;
        }, interruption);

        Assert.That(code, Is.EqualTo(0));
        Assert.That(output.ToString(), Does.Match(@"^\d+\.\d+\.\d+"));
        Assert.That(asked, Is.False);
    }

    [TestCase(new[] { "simulate", "--help" }, new[] { "simulate" })]
    [TestCase(new[] { "list", "datapaths" }, new[] { "list" })]
    [TestCase(new[] { "--version" }, new string[0])]
    [TestCase(new[] { "--verbose", "simulate" }, new[] { "list", "validate", "simulate", "compare", "study", "accuracy", "data", "sweep", "merge" })]
    [TestCase(new[] { "simulat" }, new[] { "list", "validate", "simulate", "compare", "study", "accuracy", "data", "sweep", "merge" })]
    [TestCase(new string[0], new[] { "list", "validate", "simulate", "compare", "study", "accuracy", "data", "sweep", "merge" })]
    public void Should_Build_Only_The_Verb_A_Command_Line_Names(string[] args, string[] built)
    {
        Assert.That(Verb.For(args).Select(v => v.Name), Is.EqualTo(built));
    }

    [Test]
    public void Should_Exit_2_When_Validate_Gets_No_File()
    {
        var run = CliRun.Of("validate");

        Assert.That(run.ExitCode, Is.EqualTo(2));
    }
}
