namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>
/// An input on which SCALE-Sim v2 itself fails (e.g. divides by zero), so its exact emulation has
/// no answer either. Not a bug of the emulation: the command line reports it as a bad input
/// (exit 2) against the SCALE-Sim config. Derives from <see cref="InvalidOperationException"/>,
/// what these conditions raised before they had a type of their own.
/// </summary>
public sealed class ScaleSimInputLimitException(string message) : InvalidOperationException(message);
