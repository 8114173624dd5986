using System.CommandLine;
using QuantSim.Cli.Sweep;

namespace QuantSim.Cli.Commands;

/// <summary>
/// <c>quantsim merge SHARD_DIR... --out DIR</c>: the shards of one sweep into the sweep.json,
/// sweep.csv and sweep.png an unsharded run writes, byte for byte (the plot aside), with the
/// Pareto flags recomputed over all points.
/// </summary>
public static class MergeCommand
{
    public static Command Create(CliConsole console)
    {
        var shards = new Argument<string[]>("shards") { Description = "Directories holding shard-I-of-N.json files, or the files themselves", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "Directory for sweep.json, sweep.csv and sweep.png", Required = true };
        var command = new Command("merge", "Combine the shards of a sweep (quantsim sweep --shard I/N) into its full results");
        command.Arguments.Add(shards);
        command.Options.Add(output);
        command.SetAction(parsed =>
        {
            var files = ShardMerge.Files(parsed.GetValue(shards) ?? []);
            var outcome = ShardMerge.Merge([.. files.Select(ShardFile.Read)]);
            SweepOutput.Write(console, parsed.GetValue(output)!, outcome);
            return ExitCodes.Success;
        });
        return command;
    }
}
