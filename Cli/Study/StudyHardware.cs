using QuantSim.Datapaths.Contract;
using QuantSim.Energy.Pricing;
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
        var problems = new List<DatapathProblem>();
        foreach (var p in precision.Distinct)
        {
            variant.At(p, problems);
        }

        return problems.Count == 0 ? null : string.Join("; ", problems.Select(p => p.Message).Distinct());
    }

    public static HardwarePoint Measure(AcceleratorConfig baseConfig, Workload workload, StudyVariant variant, StudyPrecision precision)
    {
        var config = baseConfig with { Datapath = DatapathChoice.Of(variant.Datapath, precision.Widest, variant.Options) };
        try
        {
            var bits = precision.Apply(workload);
            var table = PricingCheck.Check(config, bits);
            var simulation = AcceleratorSimulator.Run(config, bits, Fidelity.Fast, config.Origin.File);
            return HardwarePoint.Of(variant.Label, precision.Label, SimulationPricer.Price(simulation, table));
        }
        catch (InputException ex)
        {
            throw new InputException([.. ex.Errors.Select(e => e with { Message = $"{variant.Label} {precision.Label}: {e.Message}" })]);
        }
    }
}
