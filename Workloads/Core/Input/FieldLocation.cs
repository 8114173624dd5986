namespace QuantSim.Input;

/// <summary>
/// Where a value came from in a user's file (<see cref="Line"/> and <see cref="Column"/> 1-based, 0 when
/// not known), kept with the typed value so a rule checked later (cost-table coverage, buffer fit of a
/// layer's precision) still names the file, line and field that caused it.
/// </summary>
public sealed record FieldLocation(string File, int Line, int Column, string Field)
{
    /// <summary>A value given on the command line or chosen by the program: the option or origin, no line.</summary>
    public static FieldLocation Unplaced(string origin, string field) => new(origin, 0, 0, field);

    public InputError Error(string message) => new(File, Line, Column, Field, message);

    public InputException Exception(string message) => new(Error(message));
}
