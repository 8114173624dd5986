using System.CommandLine;
using QuantSim.Datapaths.Contract;
using QuantSim.Energy.Pricing;
using QuantSim.Input;
using QuantSim.Simulator.Config;

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
        var command = new Command("validate", "Check accelerator config files strictly; every error gets FILE:LINE:COL: field: message");
        command.Arguments.Add(files);
        command.SetAction(parsed => Run(console, new AcceleratorConfigReader(datapaths), parsed.GetValue(files)!));
        return command;
    }

    private static int Run(CliConsole console, AcceleratorConfigReader reader, IReadOnlyList<string> files)
    {
        int bad = 0;
        foreach (string file in files)
        {
            try
            {
                string path = Catalog.BuiltInConfigs.Resolve(file, "config");
                var config = reader.ReadFile(path);
                PricingCheck.Check(config);
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
