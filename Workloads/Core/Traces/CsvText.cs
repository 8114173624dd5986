using System.Globalization;
using QuantSim.Input;

namespace QuantSim.Workloads.Traces;

/// <summary>
/// The plain comma-separated text both trace formats use: no quoting (SCALE-Sim has none), fields
/// trimmed, <c>\n</c> or <c>\r\n</c> line ends, 1-based line numbers kept for error messages.
/// </summary>
internal static class CsvText
{
    public static IEnumerable<(int Line, string Text)> Lines(string text)
    {
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            yield return (i + 1, lines[i].TrimEnd('\r'));
        }
    }

    public static string[] Fields(string line) => line.Split(',').Select(f => f.Trim()).ToArray();

    /// <summary>Reads the whole file or reports why it cannot be read (line 0: no position).</summary>
    public static string ReadFile(string path, string what)
    {
        try
        {
            return InputFile.ReadAllText(path, what, InputLimits.TraceBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(new InputError(path, 0, 0, string.Empty, $"cannot read the {what}: {ex.Message}"));
        }
    }

    /// <summary>
    /// A whole number in <paramref name="min"/>..int.MaxValue, or null after recording why not
    /// (Column 0: CSV errors name the column in <see cref="InputError.Field"/> instead).
    /// </summary>
    public static int? Integer(InputDiagnostics diagnostics, int line, string column, string text, int min)
    {
        if (text.Length == 0)
        {
            diagnostics.Add(line, 0, column, "no value given");
            return null;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            diagnostics.Add(line, 0, column, $"expected an integer, got '{text}'");
            return null;
        }

        if (value < min || value > int.MaxValue)
        {
            string range = min == 0 ? "zero or a positive integer" : "a positive integer";
            // Negative numbers are the user's; print them invariantly (some cultures use U+2212 for minus).
            diagnostics.Add(line, 0, column, value > int.MaxValue ? $"must be at most {Number(int.MaxValue)}, got {Number(value)}" : $"must be {range}, got {Number(value)}");
            return null;
        }

        return (int)value;
    }

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
