using System.CommandLine;
using System.Globalization;
using QuantSim.Cli.Catalog;
using QuantSim.Cli.Plots;
using QuantSim.Cli.Reports;
using QuantSim.Datapaths.Contract;
using QuantSim.Energy.Pricing;
using QuantSim.Input;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Config.ScaleSim;
using QuantSim.Simulator.Engine;
using QuantSim.Simulator.ScaleSimCompat;
using QuantSim.Workloads;
using QuantSim.Workloads.Traces;
using Spectre.Console;

namespace QuantSim.Cli.Commands;

/// <summary>
/// <c>quantsim simulate</c>: a workload on an accelerator, a summary on the console and, with
/// <c>--out</c>, result.json and layers.csv. Files are written only after the whole run succeeded.
/// </summary>
public static class SimulateCommand
{
    public const string DefaultConfig = "default";
    public const string DefaultWorkload = "resnet18";

    public static Command Create(CliConsole console, DatapathRegistry datapaths)
    {
        var config = new Option<string>("--config") { Description = "Accelerator config: a built-in name or a YAML path", DefaultValueFactory = _ => DefaultConfig };
        var workload = new Option<string>("--workload") { Description = "Workload: a zoo name (quantsim list workloads) or a trace/topology CSV path", DefaultValueFactory = _ => DefaultWorkload };
        var datapath = new Option<string?>("--datapath") { Description = "Override the config's datapath variant, keeping its precision: KIND[:KEY=VALUE,...] (quantsim list datapaths)" };
        var fidelity = new Option<string>("--fidelity") { Description = "fast (closed-form folds, default) or register (every PE register every cycle, cross-checked)", DefaultValueFactory = _ => "fast" };
        fidelity.AcceptOnlyFromAmong("fast", "register");
        var output = new Option<string?>("--out") { Description = "Directory for result.json and layers.csv" };
        var scaleSimConfig = new Option<string?>("--scalesim-config") { Description = "A SCALE-Sim v2 .cfg file, read unchanged (instead of --config)" };
        var topology = new Option<string?>("--topology") { Description = "A SCALE-Sim v2 topology CSV, read unchanged (instead of --workload)" };

        var command = new Command("simulate", "Simulate a workload on an accelerator: cycles, stalls, utilization, SRAM and DRAM traffic per layer");
        foreach (var option in new Option[] { config, workload, datapath, fidelity, output, scaleSimConfig, topology })
        {
            command.Options.Add(option);
        }

        command.SetAction(parsed => Run(
            console,
            datapaths,
            parsed.GetResult(config) is { Implicit: false } ? parsed.GetValue(config) : null,
            parsed.GetResult(workload) is { Implicit: false } ? parsed.GetValue(workload) : null,
            parsed.GetValue(datapath),
            parsed.GetValue(fidelity) == "register" ? Fidelity.Register : Fidelity.Fast,
            parsed.GetValue(output),
            parsed.GetValue(scaleSimConfig),
            parsed.GetValue(topology)));
        return command;
    }

    private static int Run(
        CliConsole console, DatapathRegistry datapaths, string? configName, string? workloadName, string? datapath, Fidelity fidelity,
        string? outDir, string? scaleSimConfig, string? topology)
    {
        if (outDir is not null)
        {
            OutputDirectory.Check(outDir);
        }

        var (config, configFile, scaleSim) = LoadConfig(new AcceleratorConfigReader(datapaths), configName, scaleSimConfig);
        var workload = LoadWorkload(workloadName, topology);
        if (datapath is not null)
        {
            // The override keeps the config's precision and its accumulator rule (auto or a fixed width).
            config = config with { Datapath = DatapathArgument.Resolve(datapath, datapaths, config.Datapath.Precision) with { SizesAccumulators = config.Datapath.SizesAccumulators } };
        }

        // Every rule before any result is printed or written: the datapath runs every layer's own bits (named at the
        // layer's row of the workload file when there is one, checked before the first cycle), the table prices this
        // config and those bits (checked beside the first layers, see CheckedRun).
        string workloadFile = topology ?? (workloadName is not null && File.Exists(workloadName) ? workloadName : workload.Name);
        WorkloadPrecisionCheck.ThrowIfAny(config.Datapath, workload, workloadFile);
        AccumulatorWarnings.Write(console, AccumulatorWarnings.For(config, workload, workloadFile));

        // Work that needs only the inputs or the result runs beside the rest on the second core: the exact
        // SCALE-Sim emulation and the cost-table rules beside the native simulation, the two figures beside the
        // console tables and text reports (each figure took about a sixth of a ResNet-50 run, docs/performance.md).
        // Every file is still rendered whole before any is written, so the output is the same at any timing.
        var scaleSimReport = outDir is not null && scaleSim is not null ? Task.Run(() => ScaleSimEmulation.Run(scaleSim, configFile, workload)) : null;
        var (result, table) = CheckedRun.Run(stop => console.Interactive && workload.Layers.Length > 1
            ? console.Out.Progress().Start(ctx =>
            {
                var task = ctx.AddTask($"simulating {workload.Name}", maxValue: workload.Layers.Length);
                return AcceleratorSimulator.Run(config, workload, fidelity, configFile, new Progress<int>(done => task.Value = done), stop);
            })
            : AcceleratorSimulator.Run(config, workload, fidelity, configFile, stop: stop),
            () => PricingCheck.Check(config, workload));

        var layersPlot = outDir is not null ? Task.Run(() => SimulationPlots.LayerCycles(result)) : null;
        var priced = SimulationPricer.Price(result, table);
        var energyPlot = outDir is not null ? Task.Run(() => SimulationPlots.EnergyBreakdown(priced)) : null;
        SummaryTable.Write(console.Out, result);
        EnergyTable.Write(console.Out, priced);

        if (outDir is not null)
        {
            // SCALE-Sim's own files: from the exact emulation of SCALE-Sim v2 when its config was given.
            var report = scaleSimReport is not null ? Finish(scaleSimReport) : ScaleSimStyleReport.From(result);
            var files = new List<(string Name, byte[] Bytes)>
            {
                ("result.json", Utf8(ResultJsonWriter.Render(priced))),
                ("layers.csv", Utf8(LayersCsvWriter.Render(priced))),
                ("layers.png", Finish(layersPlot!)),
                ("COMPUTE_REPORT.csv", Utf8(ScaleSimReportWriter.ComputeReport(report))),
                ("BANDWIDTH_REPORT.csv", Utf8(ScaleSimReportWriter.BandwidthReport(report))),
                ("DETAILED_ACCESS_REPORT.csv", Utf8(ScaleSimReportWriter.DetailedAccessReport(report))),
                ("energy.png", Finish(energyPlot!)),
            };

            OutputDirectory.Write(outDir, files);
            console.Output.WriteLine($"wrote {string.Join(", ", files.Select(f => f.Name))} to {outDir}");
        }

        return ExitCodes.Success;
    }

    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    /// <summary>The task's value, or its own exception (an input error stays an input error, exit 2).</summary>
    private static T Finish<T>(Task<T> task) => task.GetAwaiter().GetResult();

    private static (AcceleratorConfig Config, string File, ScaleSimConfig? ScaleSim) LoadConfig(AcceleratorConfigReader reader, string? configName, string? scaleSimConfig)
    {
        if (scaleSimConfig is not null)
        {
            if (configName is not null)
            {
                throw new InputException(new InputError("--config", 0, 0, string.Empty, "give either --config or --scalesim-config, not both"));
            }

            var scaleSim = ScaleSimConfigReader.ReadFile(scaleSimConfig);
            return (scaleSim.Accelerator, scaleSimConfig, scaleSim);
        }

        string file = BuiltInConfigs.Resolve(configName ?? DefaultConfig, "--config");
        return (reader.ReadFile(file), file, null);
    }

    private static Workload LoadWorkload(string? workloadName, string? topology)
    {
        if (topology is null)
        {
            return WorkloadSource.Resolve(workloadName ?? DefaultWorkload);
        }

        if (workloadName is not null)
        {
            throw new InputException(new InputError("--workload", 0, 0, string.Empty, "give either --workload or --topology, not both"));
        }

        return ScaleSimTopologyReader.ReadFile(topology);
    }
}
