using Spectre.Console;

namespace QuantSim.Cli;

/// <summary>
/// Where a command writes: results to <see cref="Out"/>, diagnostics to <see cref="Error"/>.
/// Tables go through Spectre.Console, plain lines through the writers, so tests can capture both.
/// </summary>
public sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error)
    {
        Output = output;
        Error = error;
        Out = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = ReferenceEquals(output, Console.Out) ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ReferenceEquals(output, Console.Out) ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected)
        {
            // Files and pipes have no width; 80 columns would wrap every table into unreadable slivers.
            Out.Profile.Width = RedirectedWidth;
        }
    }

    private const int RedirectedWidth = 160;

    public IAnsiConsole Out { get; }

    public TextWriter Output { get; }

    public TextWriter Error { get; }
}
