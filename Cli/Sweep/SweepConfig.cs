using QuantSim.Energy.Costs;
using QuantSim.Simulator.Config;

namespace QuantSim.Cli.Sweep;

/// <summary>
/// One axis combination's validated config and the cost table that prices it. The table is loaded once per
/// distinct table the combinations name, not once per check and point: a 192-point sweep parsed the same
/// YAML table about 600 times before (seventh round of docs/performance.md).
/// </summary>
public sealed record SweepConfig(AcceleratorConfig Config, CostTable Table);
