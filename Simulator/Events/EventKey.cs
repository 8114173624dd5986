namespace QuantSim.Simulator.Events;

/// <summary>
/// Orders events: by cycle, then priority (lower first), then the order they were scheduled in,
/// so ties always resolve the same way (first scheduled, first processed).
/// </summary>
public readonly record struct EventKey(long Cycle, int Priority, long Sequence) : IComparable<EventKey>
{
    public int CompareTo(EventKey other)
    {
        int byCycle = Cycle.CompareTo(other.Cycle);
        if (byCycle != 0)
        {
            return byCycle;
        }

        int byPriority = Priority.CompareTo(other.Priority);
        return byPriority != 0 ? byPriority : Sequence.CompareTo(other.Sequence);
    }
}
