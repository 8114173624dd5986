using QuantSim.Energy.Pricing;

namespace QuantSim.Cli.Reports;

/// <summary>
/// The priced figures of one inference that every output file reports the same way: energy, the
/// efficiency it buys, area and throughput per area. Energy stays decimal as the energy model sums
/// it (exact pJ); the ratios are doubles.
/// </summary>
/// <param name="EnergyPerInferencePj">Energy of one inference, pJ.</param>
/// <param name="TopsPerWatt">Useful operations (1 MAC = 2) per joule, in tera-operations per watt.</param>
/// <param name="InferencesPerJoule">Inferences per joule of the whole system.</param>
/// <param name="AreaMm2">Total area, mm².</param>
/// <param name="PeakTops">Peak throughput of the array at its clock, tera-operations per second.</param>
/// <param name="TopsPerMm2">Peak throughput per mm².</param>
public sealed record PricedSummary(
    decimal EnergyPerInferencePj,
    double TopsPerWatt,
    double InferencesPerJoule,
    double AreaMm2,
    double PeakTops,
    double TopsPerMm2)
{
    public static PricedSummary Of(PricedSimulation costed) => new(
        costed.Energy.PerInferencePj,
        costed.Energy.TopsPerWatt,
        costed.InferencesPerJoule,
        costed.Area.TotalMm2,
        costed.PeakTops,
        costed.TopsPerMm2);
}
