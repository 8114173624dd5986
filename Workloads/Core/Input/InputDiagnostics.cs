namespace QuantSim.Input;

/// <summary>Collects the errors of one input file while a reader walks it.</summary>
public sealed class InputDiagnostics(string file)
{
    private readonly List<InputError> _errors = [];

    public string File { get; } = file;

    public IReadOnlyList<InputError> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    public void Add(int line, int column, string field, string message) =>
        _errors.Add(new InputError(File, line, column, field, message));

    /// <summary>Adds errors found in another file this one refers to (e.g. a DRAM timing set).</summary>
    public void AddRange(IEnumerable<InputError> errors) => _errors.AddRange(errors);

    /// <summary>Throws an <see cref="InputException"/> holding every error, sorted by position.</summary>
    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new InputException(_errors.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ThenBy(e => e.Column).ToList());
        }
    }
}
