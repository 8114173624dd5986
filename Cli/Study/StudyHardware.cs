using QuantSim.Datapaths.Contract;
using QuantSim.Energy.Pricing;
using QuantSim.Input;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Engine;
using QuantSim.Workloads;
using QuantSim.Workloads.Layers;

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

    /// <summary>
    /// The point on <paramref name="workload"/>; with <paramref name="sizeAccumulators"/> each layer's accumulator
    /// is what its dot products need (<c>accumulator_bits: auto</c>: up to 64 bits, so a dequantized 16 x 16 MAC
    /// gets the 37-42 bits it needs instead of wrapping a 32-bit one) and the array is built for the widest.
    /// </summary>
    public static HardwarePoint Measure(AcceleratorConfig baseConfig, Workload workload, StudyVariant variant, StudyPrecision precision, bool sizeAccumulators = false) =>
        Measure(baseConfig, workload, variant, precision, sizeAccumulators, alternative: null);

    /// <summary>The same under a documented cost alternative (its config and its table), for the sensitivity run.</summary>
    public static HardwarePoint Measure(AcceleratorConfig baseConfig, Workload workload, StudyVariant variant, StudyPrecision precision, bool sizeAccumulators, CostAlternative? alternative)
    {
        baseConfig = alternative?.Config(baseConfig) ?? baseConfig;
        // A fixed form (the float baseline) keeps its own accumulator; the quantized forms take the config's.
        var widest = variant.Fixed ?? precision.Widest with { AccumulatorBits = baseConfig.Datapath.Precision.AccumulatorBits };
        var bits = precision.Apply(workload);
        if (sizeAccumulators)
        {
            var settings = DatapathChoice.Of(variant.Datapath, widest, variant.Options).Settings;
            bits = bits with
            {
                Layers = [.. bits.Layers.Select(l => l with { Precision = l.Precision! with { AccumulatorBits = AccumulatorSizing.Needed(variant.Datapath, settings, l.Precision, GemmView.Of(l).K) } })],
            };
            widest = widest with { AccumulatorBits = bits.Layers.Max(l => l.Precision!.AccumulatorBits) };
        }

        var config = baseConfig with { Datapath = DatapathChoice.Of(variant.Datapath, widest, variant.Options) };
        try
        {
            var table = PricingCheck.Check(config, bits);
            if (alternative is not null)
            {
                table = alternative.Table(table);
            }

            var simulation = AcceleratorSimulator.Run(config, bits, Fidelity.Fast, config.Origin.File);
            return HardwarePoint.Of(variant.Label, precision.Label, SimulationPricer.Price(simulation, table));
        }
        catch (InputException ex)
        {
            throw new InputException([.. ex.Errors.Select(e => e with { Message = $"{variant.Label} {precision.Label}: {e.Message}" })]);
        }
    }
}
