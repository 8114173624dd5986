using System.CommandLine;
using QuantSim.Datapaths.Contract;
using QuantSim.Energy.Pricing;
using QuantSim.Input;
using QuantSim.Simulator.Config;
using QuantSim.Workloads;

namespace QuantSim.Cli.Commands;

/// <summary>
/// <c>quantsim validate FILE...</c>: checks accelerator configs by every rule <c>simulate</c> applies
/// before it runs (the reader's rules, buffer fit, the DRAM set, the cost table's existence and coverage)
/// and reports every error of every file.
/// </summary>
public static class ValidateCommand
{
    public static Command Create(CliConsole console, DatapathRegistry datapaths)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Accelerator config YAML files (or built-in config names) to check",
            Arity = ArgumentArity.OneOrMore,
        };
        var workload = new Option<string?>("--workload")
        {
            Description = "Also check each config against this workload's layers (a zoo name or a trace/topology CSV): every layer's precision, "
                + "its pricing, and a warning for each layer whose sums can wrap a fixed accumulator",
        };
        var command = new Command("validate", "Check accelerator config files strictly; every error gets FILE:LINE:COL: field: message");
        command.Arguments.Add(files);
        command.Options.Add(workload);
        command.SetAction(parsed => Run(console, new AcceleratorConfigReader(datapaths), parsed.GetValue(files)!, parsed.GetValue(workload)));
        return command;
    }

    private static int Run(CliConsole console, AcceleratorConfigReader reader, IReadOnlyList<string> files, string? workloadName)
    {
        // A bad workload is the command's error, reported once before any config.
        var workload = workloadName is null ? null : WorkloadSource.Resolve(workloadName);
        string workloadFile = workloadName is not null && File.Exists(workloadName) ? workloadName : workload?.Name ?? string.Empty;
        int bad = 0;
        foreach (string file in files)
        {
            try
            {
                string path = Catalog.BuiltInConfigs.Resolve(file, "config");
                var config = reader.ReadFile(path);
                PricingCheck.Check(config);
                if (workload is not null)
                {
                    WorkloadPrecisionCheck.ThrowIfAny(config.Datapath, workload, workloadFile);
                    PricingCheck.Check(config, workload);
                    AccumulatorWarnings.Write(console, AccumulatorWarnings.For(config, workload, workloadFile));
                }

                console.Output.WriteLine(
                    $"ok    {file}: {config.Name}, {config.Array.Rows}x{config.Array.Cols} {Names.Of(config.Array.Dataflow)}, {config.Datapath.Label} {config.Datapath.Precision.Spec}");
            }
            catch (InputException ex)
            {
                bad++;
                foreach (var error in ex.Errors)
                {
                    console.Error.WriteLine(InputErrorLocator.Locate(error).ToString());
                }
            }
        }

        if (bad > 0)
        {
            console.Error.WriteLine($"{bad} of {files.Count} config files have errors.");
            return ExitCodes.BadInput;
        }

        return ExitCodes.Success;
    }
}
