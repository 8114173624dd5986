using QuantSim.Datapaths.Contract;
using QuantSim.Energy.Integration;
using QuantSim.Input;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Engine;
using QuantSim.Workloads;

namespace QuantSim.Cli.Study;

/// <summary>
/// The hardware side of the study: the accelerator rebuilt with each variant at the widest precision
/// of each study point, the workload carrying the point's per-layer bits, simulated and priced.
/// </summary>
public static class StudyHardware
{
    /// <summary>Why the variant cannot run the precision point, or null when it can.</summary>
    public static string? Unsupported(StudyVariant variant, StudyPrecision precision)
    {
        if (!DatapathRegistry.Default.TryGet(variant.Kind, out var datapath))
        {
            return $"unknown datapath '{variant.Kind}'";
        }

        var problems = precision.Distinct.SelectMany(datapath.CheckPrecision).Select(p => p.Message).ToList();
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    public static HardwarePoint Measure(AcceleratorConfig baseConfig, string configFile, Workload workload, StudyVariant variant, StudyPrecision precision)
    {
        var config = baseConfig with { Datapath = new DatapathConfig(variant.Kind, precision.Widest, variant.Options) };
        try
        {
            var simulation = AcceleratorSimulator.Run(config, precision.Apply(workload), Fidelity.Fast, configFile);
            return HardwarePoint.Of(variant.Label, precision.Label, SimulationCosting.Price(simulation, configFile));
        }
        catch (InputException ex)
        {
            throw new InputException([.. ex.Errors.Select(e => e with { Message = $"{variant.Label} {precision.Label}: {e.Message}" })]);
        }
    }
}
