namespace QuantSim.Input;

/// <summary>
/// One problem in a user's input file, located as precisely as the format allows.
/// <see cref="Line"/> and <see cref="Column"/> are 1-based; 0 means "not known" (e.g. a missing file).
/// </summary>
public sealed record InputError(string File, int Line, int Column, string Field, string Message)
{
    /// <summary><c>FILE:LINE:COL: field.path: message</c>, dropping the parts that are unknown.</summary>
    public override string ToString()
    {
        string where = Line <= 0 ? File : Column <= 0 ? $"{File}:{Line}" : $"{File}:{Line}:{Column}";
        return OneLine(Field.Length == 0 ? $"{where}: {Message}" : $"{where}: {Field}: {Message}");
    }

    /// <summary>
    /// Messages quote what the user wrote, which may hold line breaks and control characters (an
    /// argument with a newline in it); shown raw they would split one error over lines that name
    /// no location, or drive the terminal. They are printed escaped instead: <c>\n</c>, <c>\u0014</c>.
    /// </summary>
    private static string OneLine(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var escaped = new System.Text.StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            escaped.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
