using System.Collections.Immutable;

namespace QuantSim.Simulator.Activity;

/// <summary>
/// How many times each action happened, e.g. in one layer. Immutable; entries are kept sorted by
/// <see cref="ActivityKey"/> so iteration order never depends on insertion order. Counts are exact
/// 64-bit integers and an action that never happened is simply absent (a count of zero).
/// </summary>
public sealed class ActivityCounts
{
    private readonly ImmutableSortedDictionary<ActivityKey, long> _counts;

    private ActivityCounts(ImmutableSortedDictionary<ActivityKey, long> counts) => _counts = counts;

    public static ActivityCounts Empty { get; } = new(ImmutableSortedDictionary<ActivityKey, long>.Empty);

    /// <summary>Every non-zero count, in key order.</summary>
    public IEnumerable<KeyValuePair<ActivityKey, long>> Entries => _counts;

    public int Count => _counts.Count;

    public long this[ActivitySite site, ActivityAction action] =>
        _counts.TryGetValue(new ActivityKey(site, action), out long n) ? n : 0;

    /// <summary>A copy with <paramref name="count"/> more of <paramref name="action"/> at <paramref name="site"/>.</summary>
    public ActivityCounts With(ActivitySite site, ActivityAction action, long count) =>
        ToBuilder().Add(site, action, count).Build();

    /// <summary>Element-wise sum, e.g. to total the layers of a run.</summary>
    public ActivityCounts Plus(ActivityCounts other)
    {
        var builder = ToBuilder();
        foreach (var (key, n) in other._counts)
        {
            builder.Add(key.Site, key.Action, n);
        }

        return builder.Build();
    }

    public Builder ToBuilder() => new(_counts.ToBuilder());

    public static Builder CreateBuilder() => new(ImmutableSortedDictionary.CreateBuilder<ActivityKey, long>());

    /// <summary>Accumulates counts while a simulation runs; <see cref="Build"/> freezes them.</summary>
    public sealed class Builder
    {
        private readonly ImmutableSortedDictionary<ActivityKey, long>.Builder _counts;

        internal Builder(ImmutableSortedDictionary<ActivityKey, long>.Builder counts) => _counts = counts;

        /// <summary>Adds <paramref name="count"/> (at least 0; overflow throws) occurrences.</summary>
        public Builder Add(ActivitySite site, ActivityAction action, long count)
        {
            ArgumentNullException.ThrowIfNull(action);
            ArgumentOutOfRangeException.ThrowIfNegative(count);
            if (count == 0)
            {
                return this;
            }

            var key = new ActivityKey(site, action);
            _counts[key] = checked((_counts.TryGetValue(key, out long n) ? n : 0) + count);
            return this;
        }

        public ActivityCounts Build() => _counts.Count == 0 ? Empty : new ActivityCounts(_counts.ToImmutable());
    }
}
