namespace QuantSim.Simulator.Activity;

/// <summary>An action at a site: the unit that <see cref="ActivityCounts"/> counts.</summary>
public readonly record struct ActivityKey(ActivitySite Site, ActivityAction Action) : IComparable<ActivityKey>
{
    public int CompareTo(ActivityKey other)
    {
        int bySite = Site.CompareTo(other.Site);
        return bySite != 0 ? bySite : Action.CompareTo(other.Action);
    }

    public override string ToString() => $"{Site}:{Action}";
}
