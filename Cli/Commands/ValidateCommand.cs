using System.CommandLine;
using QuantSim.Input;
using QuantSim.Simulator.Config;

namespace QuantSim.Cli.Commands;

/// <summary><c>quantsim validate FILE...</c>: checks accelerator configs and reports every error of every file.</summary>
public static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Accelerator config YAML files (or built-in config names) to check",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("validate", "Check accelerator config files strictly; every error gets FILE:LINE:COL: field: message");
        command.Arguments.Add(files);
        command.SetAction(parsed => Run(console, parsed.GetValue(files)!));
        return command;
    }

    private static int Run(CliConsole console, IReadOnlyList<string> files)
    {
        int bad = 0;
        foreach (string file in files)
        {
            try
            {
                string path = Catalog.BuiltInConfigs.Resolve(file, "config");
                var config = AcceleratorConfigReader.Default.ReadFile(path);
                console.Output.WriteLine(
                    $"ok    {file}: {config.Name}, {config.Array.Rows}x{config.Array.Cols} {Names.Of(config.Array.Dataflow)}, {config.Datapath.Kind} {config.Datapath.Precision.Name}");
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
