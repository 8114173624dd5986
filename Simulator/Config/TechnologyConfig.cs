namespace QuantSim.Simulator.Config;

/// <summary>
/// Which cost table prices the activity (a built-in table name or a path to a YAML table) and which of
/// its DRAM energy options prices DRAM traffic (<see cref="DramEnergy"/>; null for the table's default).
/// The DRAM energy is named here rather than guessed from the DRAM timing set, because the two are
/// independent choices: a timing set says how fast the device is, not what a bit costs.
/// </summary>
public sealed record TechnologyConfig(string CostTable)
{
    public string? DramEnergy { get; init; }
}
