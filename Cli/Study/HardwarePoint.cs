using System.Collections.Immutable;
using QuantSim.Cli.Reports;
using QuantSim.Energy.Model;
using QuantSim.Energy.Pricing;

namespace QuantSim.Cli.Study;

/// <summary>What one variant at one precision costs on the study's accelerator for one workload.</summary>
public sealed record HardwarePoint(
    string Variant,
    string Precision,
    string Workload,
    long Cycles,
    PricedSummary Priced,
    ImmutableArray<ComponentEnergy> Components,
    ImmutableArray<(string Layer, long ComputeCycles, long StallCycles, double Utilization)> Layers)
{
    /// <summary>
    /// Energy at one accounting level: the PE arithmetic alone is what a quantization variant changes most
    /// directly; each wider level adds hardware whose energy dilutes (or, for forwarding wider operands,
    /// adds to) the difference.
    /// </summary>
    public decimal EnergyPj(AccountingLevel level) => level.Sum(Components);

    public static HardwarePoint Of(string variant, string precision, PricedSimulation costed) => new(
        variant,
        precision,
        costed.Simulation.Workload.Name,
        costed.Simulation.TotalCycles,
        PricedSummary.Of(costed),
        [.. costed.Energy.Components],
        [.. costed.Simulation.Layers.Select(l => (l.Name, l.ComputeCycles, l.StallCycles, l.Utilization))]);
}
