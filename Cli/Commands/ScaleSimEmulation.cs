using QuantSim.Input;
using QuantSim.Simulator.Config.ScaleSim;
using QuantSim.Simulator.ScaleSimCompat;
using QuantSim.Workloads;

namespace QuantSim.Cli.Commands;

/// <summary>
/// Runs the exact SCALE-Sim v2 emulation for a <c>--scalesim-config</c> run. Where SCALE-Sim itself
/// fails on the input (its CALC-mode bandwidth estimate divides by zero when the SRAM is too small
/// for the array width), the run is refused as bad input, against the config's architecture section.
/// </summary>
internal static class ScaleSimEmulation
{
    public static ScaleSimReport Run(ScaleSimConfig config, string configFile, Workload topology)
    {
        try
        {
            return ScaleSimRunner.Run(config, topology);
        }
        catch (ScaleSimInputLimitException ex)
        {
            throw new InputException(new InputError(configFile, 0, 0, "architecture_presets", $"SCALE-Sim v2 cannot run this config on {topology.Name}: {ex.Message}"));
        }
    }
}
