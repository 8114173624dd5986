using QuantSim.Datapaths.Contract;
using QuantSim.Energy.Model;
using QuantSim.Energy.Pricing;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Engine;
using QuantSim.Workloads;
using QuantSim.Workloads.Layers;

namespace QuantSim.Energy.Tests;

/// <summary>
/// The hand-checkable layer of the per-MAC energy tests: the 4 x 3 x 4 GEMM (48 MACs) on a 2 x 2
/// output-stationary array with 8-bit ifmap/filter and 32-bit ofmap words and ideal DRAM, priced by the
/// built-in 45 nm table. In OS nothing else happens per MAC, so the PE-level components divided by 48 are
/// the per-MAC energy.
/// </summary>
internal static class TwoByTwoOsLayer
{
    public static Costs.CostTable Table => BuiltInTable.Horowitz45;

    public const int Macs = 48;

    /// <summary>A unit cost as the pricer holds it.</summary>
    public static decimal R(double pj) => EnergyUnits.Round(pj);

    /// <summary>Writing <paramref name="bits"/> register bits.</summary>
    public static decimal Write(int bits) => R(Table.Register.WritePjPerBit.Value * bits);

    public static PricedSimulation Price(DatapathChoice datapath, Precision precision, ClockGating gating = ClockGating.None)
    {
        var config = new AcceleratorConfig(
            "t", string.Empty, 1000,
            new ArrayConfig(2, 2, Dataflow.OutputStationary, TimingConvention.Native) { ClockGating = gating },
            new BufferSetConfig(new BufferConfig(1 << 16, 8, 1), new BufferConfig(1 << 16, 8, 1), new BufferConfig(1 << 16, 32, 1), DoubleBuffered: true),
            new IdealDramConfig(),
            datapath,
            new TechnologyConfig("horowitz-45nm"));
        var simulation = AcceleratorSimulator.Run(config, new Workload("w", [new GemmLayer("g", M: 4, N: 4, K: 3) { Precision = precision }]));
        return SimulationPricer.Price(simulation, Table);
    }
}
