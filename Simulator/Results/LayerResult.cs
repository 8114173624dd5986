using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;

namespace QuantSim.Simulator.Results;

/// <summary>
/// What one layer costs on the array.
/// <see cref="ComputeCycles"/> is the array's own time under <see cref="Timing"/>;
/// <see cref="StallCycles"/> is what the memory system adds (0 until a memory model is attached), and
/// <see cref="TotalCycles"/> is their sum. <see cref="Utilization"/> is useful PE-cycles over all
/// PE-cycles (MACs / (ComputeCycles x R x C)); <see cref="SpatialEfficiency"/> is the mean share of
/// PEs a fold occupies. Under <c>timing: scalesim</c> <see cref="Mapping"/> is SCALE-Sim's view of
/// the layer (its rounded-up conv output size); <see cref="LayerSimulator"/> reports
/// <see cref="Problem"/>, <see cref="Macs"/> and <see cref="Traffic"/> of the real layer, while the
/// engine's <c>LayerSimulation.Array</c> is the layer as timed (<c>LayerPlan.Array</c>: SCALE-Sim's
/// GEMM and its edge traffic, which SCALE-Sim's SRAM counts are made of).
/// </summary>
public sealed record LayerResult(
    string LayerName,
    GemmProblem Problem,
    ArrayMapping Mapping,
    TimingConvention Timing,
    long ComputeCycles,
    long StallCycles,
    EdgeTraffic Traffic)
{
    public long TotalCycles => ComputeCycles + StallCycles;

    public long Folds => Mapping.Folds;

    public long Macs => Problem.Macs;

    public double Utilization => PeUtilization.Of(Macs, PeUtilization.Slots(ComputeCycles, Mapping.Rows, Mapping.Cols));

    public double SpatialEfficiency => Mapping.SpatialEfficiency;
}
