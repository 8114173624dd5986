using System.Collections.Immutable;

namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>A whole SCALE-Sim run: one report per (SCALE-Sim) layer, in LayerID order.</summary>
public sealed record ScaleSimReport(string RunName, ImmutableArray<ScaleSimLayerReport> Layers);
