using QuantSim.Energy.Area;
using QuantSim.Energy.Model;
using QuantSim.Simulator.Engine;

namespace QuantSim.Energy.Pricing;

/// <summary>A simulation with its price: energy per layer and component, area, and peak throughput.</summary>
public sealed record PricedSimulation(SimulationResult Simulation, EnergyReport Energy, AreaReport Area, double PeakTops)
{
    public double TopsPerMm2 => Area.TopsPerMm2(PeakTops);

    public double InferencesPerJoule => Energy.TotalJoules == 0 ? 0 : Energy.Inferences / Energy.TotalJoules;
}
