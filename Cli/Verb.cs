using System.CommandLine;
using QuantSim.Cli.Commands;
using QuantSim.Datapaths.Contract;

namespace QuantSim.Cli;

/// <summary>
/// A verb of <c>quantsim</c> (all of them in help order), and which of them a command line needs built. Building
/// every verb's options, and the plug-in registry they validate against, is most of the start-up cost
/// of a short run (<c>--version</c> took 70 ms against 35 ms for an empty .NET program,
/// docs/performance.md), so a line that names a verb builds that verb alone and <c>--version</c> none.
/// Anything else (no verb, root help, a misspelt verb) builds all of them, so help lists every verb and
/// a misspelling gets the parser's own message.
/// </summary>
public sealed record Verb(string Name, Func<CliConsole, Lazy<DatapathRegistry>, Interruption, Command> Create)
{
    public static IReadOnlyList<Verb> All { get; } =
    [
        new("list", (console, datapaths, _) => ListCommand.Create(console, datapaths.Value)),
        new("validate", (console, datapaths, _) => ValidateCommand.Create(console, datapaths.Value)),
        new("simulate", (console, datapaths, _) => SimulateCommand.Create(console, datapaths.Value)),
        new("compare", (console, _, _) => CompareCommand.Create(console)),
        new("study", (console, datapaths, interruption) => StudyCommand.Create(console, request =>
        {
            Accuracy.TorchRuntime.EnsureAvailable("study");
            return new Accuracy.TorchStudyAccuracy(request);
        }, datapaths.Value, interruption)),
        new("accuracy", (console, datapaths, _) => AccuracyCommand.Create(console, datapaths.Value)),
        new("data", (console, _, _) => DataCommand.Create(console)),
        new("sweep", (console, datapaths, interruption) => SweepCommand.Create(console, datapaths.Value, interruption)),
        new("merge", (console, _, _) => MergeCommand.Create(console)),
    ];

    /// <summary>The verbs the parser needs for <paramref name="args"/>.</summary>
    public static IReadOnlyList<Verb> For(IReadOnlyList<string> args)
    {
        if (args.Count == 1 && args[0] == "--version")
        {
            return [];
        }

        var named = All.FirstOrDefault(v => args.Count > 0 && v.Name == args[0]);
        return named is null ? All : [named];
    }
}
