using System.CommandLine;
using System.Globalization;
using QuantSim.Cli.Compare;
using QuantSim.Input;
using Spectre.Console;

namespace QuantSim.Cli.Commands;

/// <summary>
/// <c>quantsim compare OLD.json NEW.json</c>: regression tracking for users' own CI. Prints what
/// changed; exit code 1 when any figure moved past its threshold, 0 otherwise, 2 on bad input.
/// </summary>
public static class CompareCommand
{
    public const int RegressionExitCode = 1;

    public static Command Create(CliConsole console)
    {
        var oldFile = new Argument<string>("old") { Description = "The reference result.json" };
        var newFile = new Argument<string>("new") { Description = "The result.json to check" };
        var threshold = new Option<string[]>("--threshold")
        {
            Description = "Relative change allowed: one number for every metric (0.01 = 1 %), or METRIC=NUMBER for one (cycles, stall_cycles, energy_pj, area_mm2, accuracy); default 0",
            AllowMultipleArgumentsPerToken = true,
        };
        var markdown = new Option<string?>("--markdown") { Description = "Also write the table as Markdown to this file (e.g. for a pull-request comment)" };
        var command = new Command("compare", "Compare two results per layer and in total; exit 1 when a figure moves past --threshold");
        command.Arguments.Add(oldFile);
        command.Arguments.Add(newFile);
        command.Options.Add(threshold);
        command.Options.Add(markdown);
        command.SetAction(parsed => Run(console, parsed.GetValue(oldFile)!, parsed.GetValue(newFile)!, parsed.GetValue(threshold) ?? [], parsed.GetValue(markdown)));
        return command;
    }

    private static int Run(CliConsole console, string oldPath, string newPath, IReadOnlyList<string> thresholdArgs, string? markdownPath)
    {
        var thresholds = ParseThresholds(thresholdArgs);
        var comparison = ResultComparison.Of(ResultFile.Read(oldPath), ResultFile.Read(newPath), thresholds);

        var changed = comparison.Changes.Where(c => c.Relative != 0).ToList();
        if (changed.Count == 0)
        {
            console.Output.WriteLine("no differences");
        }
        else
        {
            var table = new Table().AddColumns("scope", "metric", "old", "new", "change", "threshold", "");
            foreach (var c in changed)
            {
                table.AddRow(Markup.Escape(c.Scope), c.Metric, ResultComparison.Format(c.Old), ResultComparison.Format(c.New),
                    ResultComparison.Percent(c.Relative), ResultComparison.Percent(c.Threshold), c.Exceeds ? "[red]past threshold[/]" : string.Empty);
            }

            console.Out.Write(table);
        }

        if (markdownPath is not null)
        {
            try
            {
                File.WriteAllText(markdownPath, comparison.ToMarkdown());
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new InputException(new InputError("--markdown", 0, 0, string.Empty, $"'{markdownPath}': cannot write the Markdown table: {ex.Message}"));
            }
        }

        int exceeded = comparison.Changes.Count(c => c.Exceeds);
        console.Output.WriteLine(exceeded == 0 ? "within thresholds" : $"{exceeded} figures moved past their threshold");
        return exceeded == 0 ? ExitCodes.Success : RegressionExitCode;
    }

    private static IReadOnlyDictionary<string, double> ParseThresholds(IReadOnlyList<string> args)
    {
        var thresholds = new Dictionary<string, double> { ["*"] = 0 };
        foreach (string arg in args)
        {
            string[] parts = arg.Split('=', 2);
            string metric = parts.Length == 2 ? parts[0] : "*";
            string number = parts[^1];
            if (metric != "*" && !ResultFile.Metrics.Contains(metric))
            {
                throw new InputException(new InputError("--threshold", 0, 0, metric, $"unknown metric; allowed: {string.Join(", ", ResultFile.Metrics)}"));
            }

            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value < 0 || !double.IsFinite(value))
            {
                throw new InputException(new InputError("--threshold", 0, 0, arg, "expected a non-negative number such as 0.01 (1 %), or METRIC=NUMBER"));
            }

            thresholds[metric] = value;
        }

        return thresholds;
    }
}
