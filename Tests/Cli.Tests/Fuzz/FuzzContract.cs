using System.Text.Json;
using System.Text.RegularExpressions;

namespace QuantSim.Cli.Tests.Fuzz;

/// <summary>
/// What every run of the CLI on any input must satisfy (issue 16): it ends with 0 or 2 (1 only as
/// compare's "a figure moved past its threshold", never as an internal error), every error line is
/// located (FILE:LINE or FILE:LINE:COL for a file's content, the option for an argument), a
/// rejected run leaves no result files, and an accepted one writes only finite, non-negative figures.
/// </summary>
internal static partial class FuzzContract
{
    /// <summary>Contract violations of one run; <paramref name="outDir"/> is its --out (null if none).</summary>
    public static IEnumerable<string> Check(string what, CliRun run, string? outDir, bool regressionExitAllowed = false)
    {
        bool regression = regressionExitAllowed && run.ExitCode == CompareCommandExit && run.Output.Contains("past threshold", StringComparison.Ordinal);
        if (run.ExitCode is not (0 or 2) && !regression)
        {
            yield return $"{what}: exit {run.ExitCode}: {FirstLines(run.Error)}";
        }

        if (run.Error.Contains("internal error", StringComparison.Ordinal) || run.Error.Contains("   at ", StringComparison.Ordinal))
        {
            yield return $"{what}: internal error or stack trace: {FirstLines(run.Error)}";
        }

        if (run.ExitCode == 2)
        {
            foreach (string line in run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!IsLocated(line))
                {
                    yield return $"{what}: unlocated error: {line}";
                }
            }

            if (outDir is not null && Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any())
            {
                yield return $"{what}: exit 2 left files in --out: {string.Join(", ", Directory.EnumerateFileSystemEntries(outDir).Select(Path.GetFileName))}";
            }
        }
    }

    /// <summary>Every number anywhere in a written JSON file must be finite and not negative.</summary>
    public static IEnumerable<string> CheckFigures(string what, string jsonFile)
    {
        if (!File.Exists(jsonFile))
        {
            yield return $"{what}: accepted but {Path.GetFileName(jsonFile)} is missing";
            yield break;
        }

        using var json = JsonDocument.Parse(File.ReadAllText(jsonFile));
        foreach (var (path, value) in Numbers(json.RootElement, string.Empty))
        {
            if (!double.IsFinite(value) || value < 0)
            {
                yield return $"{what}: {Path.GetFileName(jsonFile)} {path} = {value}";
            }
        }
    }

    /// <summary>
    /// The same for the console tables of a run without --out: every cell but the first (a name
    /// the input chose) must be a finite, non-negative figure or plain text.
    /// </summary>
    public static IEnumerable<string> CheckTables(string what, string output)
    {
        foreach (string line in output.Split('\n').Where(l => l.StartsWith('│')))
        {
            foreach (string cell in line.Split('│', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(c => c.Trim()))
            {
                if (BadFigure().IsMatch(cell))
                {
                    yield return $"{what}: console table cell '{cell}' in: {line.Trim()}";
                }
            }
        }
    }

    private const int CompareCommandExit = QuantSim.Cli.Commands.CompareCommand.RegressionExitCode;

    /// <summary>
    /// <c>FILE:LINE: </c> or <c>FILE:LINE:COL: </c> with LINE at least 1; an argument's error names
    /// the option (<c>--vary array.rows: </c>) or the sweep point it makes; the one-line summaries
    /// of validate and of bad arguments are not errors of their own.
    /// </summary>
    private static bool IsLocated(string line) =>
        Located().IsMatch(line) || line.StartsWith("--", StringComparison.Ordinal) || line.StartsWith("point ", StringComparison.Ordinal)
        || Summary().IsMatch(line) || line.StartsWith("warning: ", StringComparison.Ordinal) && !line.Contains("internal", StringComparison.Ordinal);

    private static IEnumerable<(string Path, double Value)> Numbers(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    foreach (var n in Numbers(property.Value, $"{path}.{property.Name}"))
                    {
                        yield return n;
                    }
                }

                break;
            case JsonValueKind.Array:
                int i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var n in Numbers(item, $"{path}[{i++}]"))
                    {
                        yield return n;
                    }
                }

                break;
            case JsonValueKind.Number:
                yield return (path, element.GetDouble());
                break;
        }
    }

    private static string FirstLines(string text) => string.Join(" | ", text.Split('\n').Take(3));

    [GeneratedRegex(@"NaN|∞|Infinity|(^|[^\w.])-[0-9]")]
    private static partial Regex BadFigure();

    [GeneratedRegex(@"^.+?:[1-9][0-9]*(:[1-9][0-9]*)?: ")]
    private static partial Regex Located();

    [GeneratedRegex(@"^([0-9]+ of [0-9]+ config files have errors\.|Run 'quantsim --help' for usage\.|quantsim: .+)$")]
    private static partial Regex Summary();
}
