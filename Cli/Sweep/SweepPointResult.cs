using QuantSim.Energy.Pricing;

namespace QuantSim.Cli.Sweep;

/// <summary>
/// The figures a sweep keeps for one point (one inference of its workload). Energy stays decimal as
/// the energy model computes it (exact pJ sums); the Pareto comparison uses it as a double.
/// </summary>
public sealed record SweepPointResult(
    SweepPoint Point,
    long Cycles,
    long StallCycles,
    decimal EnergyPerInferencePj,
    double TopsPerWatt,
    double AreaMm2,
    double TopsPerMm2,
    double Utilization)
{
    public static SweepPointResult Of(SweepPoint point, PricedSimulation costed) => new(
        point,
        costed.Simulation.TotalCycles,
        costed.Simulation.StallCycles,
        costed.Energy.PerInferencePj,
        costed.Energy.TopsPerWatt,
        costed.Area.TotalMm2,
        costed.TopsPerMm2,
        costed.Simulation.Utilization);

    public double Objective(SweepObjective objective) => objective switch
    {
        SweepObjective.Energy => (double)EnergyPerInferencePj,
        SweepObjective.Cycles => Cycles,
        SweepObjective.Area => AreaMm2,
        _ => throw new ArgumentOutOfRangeException(nameof(objective), objective, null),
    };
}
