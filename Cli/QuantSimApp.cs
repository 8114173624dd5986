using System.CommandLine;
using QuantSim.Datapaths.Contract;
using QuantSim.Input;

namespace QuantSim.Cli;

/// <summary>
/// The <c>quantsim</c> command: builds the verb tree and maps outcomes to exit codes
/// (0 success, 2 bad input, 1 internal error, 130/143 interrupted by SIGINT/SIGTERM). Library code throws; only this class decides codes.
/// </summary>
public static class QuantSimApp
{
    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Show stack traces of internal errors",
        Recursive = true,
    };

    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, output, error, DatapathRegistry.Default);

    /// <summary>
    /// Runs with the datapath variants of <paramref name="datapaths"/>: the built-in ones, or more (a test's
    /// own variant goes through every verb this way, with no edit to the command).
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, DatapathRegistry datapaths)
    {
        using var interruption = Interruption.None();
        return Run(args, output, error, () => datapaths, interruption);
    }

    /// <summary>
    /// The same, stopped early by <paramref name="interruption"/> (the process's signals, or a test's
    /// <see cref="Interruption.Cancel"/>): exit 130 or 143, and nothing written to --out. The registry
    /// is asked for only by the verb that runs, so <c>--version</c> constructs no plug-in.
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, Func<DatapathRegistry> datapaths, Interruption interruption)
    {
        var console = new CliConsole(output, error);
        var root = new RootCommand("QuantSim: what a fixed-point quantization variant costs on an accelerator in cycles, energy and area, and the accuracy it buys.");
        root.Options.Add(Verbose);
        var registry = new Lazy<DatapathRegistry>(datapaths);
        foreach (var verb in Verb.For(args))
        {
            root.Subcommands.Add(verb.Create(console, registry, interruption));
        }

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                error.WriteLine($"quantsim: {parseError.Message}");
            }

            error.WriteLine("Run 'quantsim --help' for usage.");
            return ExitCodes.BadInput;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (InputException ex)
        {
            foreach (var inputError in ex.Errors)
            {
                error.WriteLine(InputErrorLocator.Locate(inputError).ToString());
            }

            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException) when (interruption.Signal != 0)
        {
            error.WriteLine($"quantsim: interrupted by {interruption.SignalName}; no results were written to --out");
            return interruption.ExitCode;
        }
        catch (Exception ex)
        {
            error.WriteLine($"quantsim: internal error: {ex.GetType().Name}: {ex.Message}");
            if (parsed.GetValue(Verbose))
            {
                error.WriteLine(ex.ToString());
            }
            else
            {
                error.WriteLine("Run again with --verbose for the stack trace.");
            }

            return ExitCodes.InternalError;
        }
    }
}
