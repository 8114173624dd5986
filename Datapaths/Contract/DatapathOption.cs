namespace QuantSim.Datapaths.Contract;

/// <summary>
/// A hardware or numerics choice a datapath variant exposes in the accelerator config
/// (e.g. where scale-offset subtracts its zero point). Values are names from a fixed list.
/// <see cref="ChangesNumerics"/> is false for a choice between hardware forms that compute identical
/// integers (a property the datapath tests prove), so one trained network serves them all.
/// </summary>
public sealed record DatapathOption(string Key, IReadOnlyList<string> Allowed, string Default, string Summary, bool ChangesNumerics = true)
{
    /// <summary>
    /// For an option whose values split into groups that compute identical integers within a group but
    /// not across (scale-offset's zero-point forms vs its dequantize forms): value → group name. Values
    /// not listed are in the default value's group.
    /// </summary>
    public IReadOnlyDictionary<string, string>? NumericsGroups { get; init; }

    /// <summary>
    /// False for a numerics-only choice whose values the inventory prices alike (the requantizer's
    /// rounding), so hardware listings need not repeat a table per value.
    /// </summary>
    public bool ChangesHardware { get; init; } = true;

    /// <summary>
    /// What <paramref name="value"/> contributes to a numerics key: null when it computes the default's
    /// integers, else the value itself (<see cref="ChangesNumerics"/>) or its group's name.
    /// </summary>
    public string? NumericsClass(string value)
    {
        if (NumericsGroups is { } groups)
        {
            string defaultGroup = groups.GetValueOrDefault(Default, Default);
            string group = groups.GetValueOrDefault(value, defaultGroup);
            return group == defaultGroup ? null : group;
        }

        return ChangesNumerics && value != Default ? value : null;
    }
}
