namespace QuantSim.Input;

/// <summary>
/// Thrown by readers when an input file is malformed or describes something impossible.
/// Carries every problem found in the file, not just the first, so users fix them in one pass.
/// Only the command line turns this into an exit code (2).
/// </summary>
public sealed class InputException : Exception
{
    public InputException(IReadOnlyList<InputError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        if (errors.Count == 0)
        {
            throw new ArgumentException("An input exception needs at least one error.", nameof(errors));
        }

        Errors = errors;
    }

    public InputException(InputError error) : this([error])
    {
    }

    public IReadOnlyList<InputError> Errors { get; }
}
