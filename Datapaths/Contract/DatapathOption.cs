namespace QuantSim.Datapaths.Contract;

/// <summary>
/// A hardware or numerics choice a datapath variant exposes in the accelerator config
/// (e.g. where scale-offset subtracts its zero point). Values are names from a fixed list.
/// <see cref="ChangesNumerics"/> is false for a choice between hardware forms that compute identical
/// integers (a property the datapath tests prove), so one trained network serves them all.
/// </summary>
public sealed record DatapathOption(string Key, IReadOnlyList<string> Allowed, string Default, string Summary, bool ChangesNumerics = true);
