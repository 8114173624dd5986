using QuantSim.Input;

namespace QuantSim.Cli;

/// <summary>
/// Gives a position to errors that name a file and a field but no line: those found after reading,
/// when only the parsed record is left (a buffer the array's row does not fit, a cost table name
/// the pricer cannot resolve, a layer the datapath cannot run). The field is looked up in the file
/// itself: a dotted YAML path in a YAML file, <c>layer.column</c> in a trace (the layer's row).
/// Errors that name no file (command-line arguments) or a file that cannot be read are kept as they are.
/// </summary>
public static class InputErrorLocator
{
    public static InputError Locate(InputError error)
    {
        // JSON files (results, shards) locate their own errors, and ONNX models are binary (their
        // errors name the node); a line guessed here could mislead.
        if (error.Line > 0 || error.Field.Length == 0 || error.File.StartsWith('-') || !File.Exists(error.File)
            || error.File.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || error.File.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase))
        {
            return error;
        }

        string text;
        try
        {
            text = InputFile.ReadAllText(error.File, "input file", InputLimits.TraceBytes);
        }
        catch (InputException)
        {
            return error;
        }

        var position = IsYaml(error.File) ? YamlSection.Locate(text, error.Field)
            : error.File.EndsWith(".cfg", StringComparison.OrdinalIgnoreCase) ? IniLineOf(text, error.Field)
            : RowOf(text, error.Field);
        return position is var (line, column) ? error with { Line = line, Column = column } : error;
    }

    private static bool IsYaml(string file) =>
        file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// In a SCALE-Sim .cfg, <c>section.key</c>: the key's line in its section, else the section's
    /// header line, else line 1.
    /// </summary>
    private static (int Line, int Column)? IniLineOf(string text, string field)
    {
        string[] parts = field.Split('.', 2);
        string[] lines = text.Split('\n');
        int header = Array.FindIndex(lines, l => l.Trim().Equals($"[{parts[0]}]", StringComparison.OrdinalIgnoreCase));
        if (header < 0)
        {
            return (1, 0);
        }

        for (int i = header + 1; parts.Length == 2 && i < lines.Length && !lines[i].TrimStart().StartsWith('['); i++)
        {
            if (lines[i].Split(':', '=')[0].Trim().Equals(parts[1], StringComparison.OrdinalIgnoreCase))
            {
                return (i + 1, 0);
            }
        }

        return (header + 1, 0);
    }

    /// <summary>
    /// The line of the CSV row holding the layer named by the field ("conv1.kernel": conv1); layer
    /// names may hold dots, so the longest prefix that names a row wins. Line 1 (the header) when none does.
    /// </summary>
    private static (int Line, int Column)? RowOf(string text, string field)
    {
        string[] lines = text.Split('\n');
        string[] parts = field.Split('.');
        for (int take = parts.Length; take >= 1; take--)
        {
            string layer = string.Join('.', parts[..take]);
            int index = Array.FindIndex(lines, l => !l.TrimStart().StartsWith('#') && l.Split(',').Any(f => f.Trim() == layer));
            if (index >= 0)
            {
                return (index + 1, 0);
            }
        }

        return (1, 0);
    }
}
