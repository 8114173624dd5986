namespace QuantSim.Cli;

/// <summary>The only place exit codes are chosen.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A bug or an environment failure; one line, the stack trace under --verbose.</summary>
    public const int InternalError = 1;

    /// <summary>Bad input: a malformed or impossible file, an unknown name, a bad argument.</summary>
    public const int BadInput = 2;
}
