namespace QuantSim.Datapaths.Contract;

/// <summary>
/// A hardware or numerics choice a datapath variant exposes in the accelerator config
/// (e.g. where scale-offset subtracts its zero point). Values are names from a fixed list.
/// </summary>
public sealed record DatapathOption(string Key, IReadOnlyList<string> Allowed, string Default, string Summary);
