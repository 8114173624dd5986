using QuantSim.Cli.Reports;
using QuantSim.Energy.Pricing;

namespace QuantSim.Cli.Sweep;

/// <summary>
/// The figures a sweep keeps for one point (one inference of its workload): its cycles and the
/// priced summary every output file shares. The Pareto comparison uses the decimal energy as a double.
/// </summary>
public sealed record SweepPointResult(
    SweepPoint Point,
    long Cycles,
    long StallCycles,
    double Utilization,
    PricedSummary Priced)
{
    public static SweepPointResult Of(SweepPoint point, PricedSimulation costed) => new(
        point,
        costed.Simulation.TotalCycles,
        costed.Simulation.StallCycles,
        costed.Simulation.Utilization,
        PricedSummary.Of(costed));

    public double Objective(SweepObjective objective) => objective switch
    {
        SweepObjective.Energy => (double)Priced.EnergyPerInferencePj,
        SweepObjective.Cycles => Cycles,
        SweepObjective.Area => Priced.AreaMm2,
        _ => throw new ArgumentOutOfRangeException(nameof(objective), objective, null),
    };
}
