using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using QuantSim.Cli.Catalog;
using QuantSim.Cli.Reports;
using QuantSim.Cli.Sweep;
using QuantSim.Datapaths.Contract;
using QuantSim.Input;
using QuantSim.Simulator.Config;
using QuantSim.Workloads;
using Spectre.Console;

namespace QuantSim.Cli.Commands;

/// <summary>
/// <c>quantsim sweep</c>: design-space exploration. Every axis value and every combination is
/// validated by the strict config reader before any point runs; points run in parallel and are
/// written in point order. With <c>--shard I/N</c> only a slice runs and a shard file is written
/// for <c>quantsim merge</c>.
/// </summary>
public static class SweepCommand
{
    public static Command Create(CliConsole console, DatapathRegistry datapaths, Interruption interruption)
    {
        var config = new Option<string>("--config") { Description = "Base accelerator config: a built-in name or a YAML path", DefaultValueFactory = _ => SimulateCommand.DefaultConfig };
        var workloads = new Option<string[]>("--workload") { Description = "Workload (repeatable): a zoo name or a trace/topology CSV path", Required = true };
        var vary = new Option<string[]>(SweepAxis.Option) { Description = "An axis (repeatable): PATH=V1,V2,... with PATH a dotted config path as in the YAML, e.g. array.rows=8,16,32", Required = true };
        var objectives = new Option<string>(SweepObjectives.Option) { Description = "What the Pareto front minimizes, per workload: two or more of energy, cycles, area", DefaultValueFactory = _ => "energy,cycles" };
        var shard = new Option<string?>(ShardSpec.Option) { Description = "Run only shard I of N (1-based; points with index mod N = I-1) and write shard-I-of-N.json for quantsim merge" };
        var jobs = new Option<int>("--jobs") { Description = "Points simulated at once (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var output = new Option<string>("--out") { Description = "Directory for sweep.json, sweep.csv and sweep.png (or the shard file)", Required = true };

        var command = new Command("sweep", "Design-space sweep: vary config fields over workloads, in parallel; JSON, CSV and a plot with the Pareto front");
        foreach (var option in new Option[] { config, workloads, vary, objectives, shard, jobs, output })
        {
            command.Options.Add(option);
        }

        command.SetAction(parsed => Run(
            console,
            interruption,
            new AcceleratorConfigReader(datapaths),
            parsed.GetValue(config)!,
            parsed.GetValue(workloads) ?? [],
            parsed.GetValue(vary) ?? [],
            parsed.GetValue(objectives)!,
            parsed.GetValue(shard),
            parsed.GetValue(jobs),
            parsed.GetValue(output)!));
        return command;
    }

    private static int Run(
        CliConsole console, Interruption interruption, AcceleratorConfigReader reader, string configName, IReadOnlyList<string> workloadNames, IReadOnlyList<string> varies,
        string objectivesText, string? shardText, int jobs, string outDir)
    {
        // Everything the user typed is checked before the first point runs.
        OutputDirectory.Check(outDir);
        string file = BuiltInConfigs.Resolve(configName, "--config");
        string baseText = ReadText(file);
        var baseConfig = reader.Read(file, baseText);
        var axes = SweepAxis.ParseAll(varies);
        var objectives = SweepObjectives.Parse(objectivesText);
        var shard = shardText is null ? null : ShardSpec.Parse(shardText);
        if (jobs < 1)
        {
            throw new InputException(new InputError("--jobs", 0, 0, string.Empty, $"must be at least 1, got {jobs}"));
        }

        var workloads = ResolveWorkloads(workloadNames);
        if ((long)axes.Aggregate(1, (n, a) => n * a.Values.Length) * workloads.Count is var pointCount && pointCount > InputLimits.SweepPoints)
        {
            throw new InputException(new InputError("--workload", 0, 0, string.Empty,
                $"{pointCount} points ({workloads.Count} workloads x the axes' combinations) are more than {InputLimits.SweepPoints}, the most a sweep may run"));
        }

        var definition = new SweepDefinition(
            baseConfig.Name,
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(baseText))),
            [.. workloads.Keys],
            axes,
            objectives);
        var configs = SweepPlanner.Plan(reader, file, baseText, definition);
        SweepPlanner.CheckWorkloads(definition, configs, workloads);

        var points = definition.Points().Where(p => shard?.Contains(p.Index) ?? true).ToList();
        // From here a signal stops the sweep after the points in progress, with nothing in --out.
        var cancellation = interruption.Watch();
        console.Output.WriteLine($"sweep: {definition.PointCount} points ({definition.Combinations} configs x {definition.Workloads.Length} workloads){(shard is null ? string.Empty : $", shard {shard} runs {points.Count}")}, {jobs} at once");
        var results = console.Interactive
            ? console.Out.Progress().Start(ctx =>
            {
                var task = ctx.AddTask("simulating points", maxValue: points.Count);
                return SweepRunner.Run(points, configs, workloads, file, jobs, cancellation, () => task.Increment(1));
            })
            : SweepRunner.Run(points, configs, workloads, file, jobs, cancellation);

        if (shard is not null)
        {
            OutputDirectory.Write(outDir, [(shard.FileName, System.Text.Encoding.UTF8.GetBytes(ShardFile.Render(definition, shard, results)))], cancellation);
            console.Output.WriteLine($"wrote {shard.FileName} to {outDir}; combine all {shard.Count} shards with quantsim merge");
        }
        else
        {
            SweepOutput.Write(console, outDir, SweepOutcome.Of(definition, results), cancellation);
        }

        return ExitCodes.Success;
    }

    /// <summary>Workloads by name, in the order given; two arguments naming the same workload are refused.</summary>
    private static IReadOnlyDictionary<string, Workload> ResolveWorkloads(IReadOnlyList<string> names)
    {
        var byName = new OrderedDictionary<string, Workload>(StringComparer.Ordinal);
        foreach (string name in names)
        {
            var workload = WorkloadSource.Resolve(name);
            if (!byName.TryAdd(workload.Name, workload))
            {
                throw new InputException(new InputError("--workload", 0, 0, string.Empty, $"workload '{workload.Name}' is given twice"));
            }
        }

        return byName;
    }

    private static string ReadText(string file)
    {
        try
        {
            return InputFile.ReadAllText(file, "config file", InputLimits.ConfigBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(new InputError(file, 0, 0, string.Empty, $"cannot read the config file: {ex.Message}"));
        }
    }
}
