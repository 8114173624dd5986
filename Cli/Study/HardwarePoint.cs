using System.Collections.Immutable;
using QuantSim.Energy.Pricing;

namespace QuantSim.Cli.Study;

/// <summary>What one variant at one precision costs on the study's accelerator for one workload.</summary>
public sealed record HardwarePoint(
    string Variant,
    string Precision,
    string Workload,
    long Cycles,
    decimal EnergyPerInferencePj,
    double TopsPerWatt,
    double InferencesPerJoule,
    double AreaMm2,
    double TopsPerMm2,
    ImmutableArray<(string Component, decimal Pj)> Components,
    ImmutableArray<(string Layer, long ComputeCycles, long StallCycles, double Utilization)> Layers)
{
    /// <summary>
    /// Energy of the datapath alone (MACs, PE arithmetic and registers, per-output work): what a
    /// quantization variant changes directly, without the memories and leakage that dilute it.
    /// </summary>
    public decimal CoreEnergyPj => Components
        .Where(c => c.Component.StartsWith("mac.", StringComparison.Ordinal) || c.Component.StartsWith("pe.", StringComparison.Ordinal)
                    || c.Component.StartsWith("output.", StringComparison.Ordinal))
        .Sum(c => c.Pj);

    public static HardwarePoint Of(string variant, string precision, PricedSimulation costed) => new(
        variant,
        precision,
        costed.Simulation.Workload.Name,
        costed.Simulation.TotalCycles,
        costed.Energy.PerInferencePj,
        costed.Energy.TopsPerWatt,
        costed.InferencesPerJoule,
        costed.Area.TotalMm2,
        costed.TopsPerMm2,
        [.. costed.Energy.Components.Select(c => (c.Component.Name, c.Pj))],
        [.. costed.Simulation.Layers.Select(l => (l.Name, l.ComputeCycles, l.StallCycles, l.Utilization))]);
}
