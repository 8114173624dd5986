namespace QuantSim.Cli;

/// <summary>The only place exit codes are chosen.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A bug or an environment failure; one line, the stack trace under --verbose.</summary>
    public const int InternalError = 1;

    /// <summary>Bad input: a malformed or impossible file, an unknown name, a bad argument.</summary>
    public const int BadInput = 2;

    /// <summary>Stopped by a signal: 128 + its number, 130 for SIGINT and 143 for SIGTERM (see <see cref="Interruption"/>).</summary>
    public static int Interrupted(int signal) => 128 + signal;
}
