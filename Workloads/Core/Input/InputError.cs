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
        return Field.Length == 0 ? $"{where}: {Message}" : $"{where}: {Field}: {Message}";
    }
}
