namespace QuantSim.Simulator.Config;

/// <summary>Which cost table prices the activity: a built-in table name or a path to a YAML table.</summary>
public sealed record TechnologyConfig(string CostTable);
