namespace QuantSim.Cli.Tests;

/// <summary>One in-process run of the quantsim command with its outputs captured.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args) => With(Datapaths.Contract.DatapathRegistry.Default, args);

    /// <summary>A run that knows the variants of <paramref name="datapaths"/> (e.g. a test's own).</summary>
    public static CliRun With(Datapaths.Contract.DatapathRegistry datapaths, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = QuantSimApp.Run(args, output, error, datapaths);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public static string BuiltIn(string name) =>
        Path.Combine(TestContext.CurrentContext.TestDirectory, "accel-configs", name + ".yaml");
}
