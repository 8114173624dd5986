using QuantSim.Input;

namespace QuantSim.Cli.Accuracy;

/// <summary>
/// Whether TorchSharp's native libtorch sits next to the executable. A checkout's build has it; the
/// installed tool package leaves it out (about 600 MB), so accuracy there is refused with what to do
/// instead of TorchSharp's own load failure.
/// </summary>
public static class TorchRuntime
{
    public static string NativeLibrary => Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libtorch.so");

    public static bool IsAvailable => File.Exists(NativeLibrary);

    /// <param name="verb">The command that needs it, for the message (<c>accuracy</c>, <c>study</c>).</param>
    public static void EnsureAvailable(string verb)
    {
        if (!IsAvailable)
        {
            throw new InputException(new InputError(verb, 0, 0, string.Empty,
                $"needs TorchSharp's native libtorch ({NativeLibrary}), which the quantsim tool package leaves out; run it from a checkout (dotnet run --project Cli -- {verb} ...){(verb == "study" ? " or add --no-accuracy" : string.Empty)}"));
        }
    }
}
