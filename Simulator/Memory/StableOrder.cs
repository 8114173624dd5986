using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace QuantSim.Simulator.Memory;

/// <summary>
/// A stable sort by a 64-bit key, for the DMA issue order (<see cref="TrafficPlanner"/>): the same order
/// as LINQ's OrderBy, which the traffic plan used before, at a fraction of its cost. A planned list is
/// already in order more often than not (one chunk per operand and fold), so that is checked first;
/// otherwise (key, position) pairs are sorted, the position breaking ties as a stable sort does.
/// A ResNet-18 sweep on an 8x8 array spent about 8 % of its simulation in OrderBy.
/// </summary>
internal static class StableOrder
{
    public static ImmutableArray<T> By<T>(List<T> items, Func<T, long> key)
    {
        bool sorted = true;
        for (int i = 1; i < items.Count && sorted; i++)
        {
            sorted = key(items[i - 1]) <= key(items[i]);
        }

        if (sorted)
        {
            return [.. items];
        }

        var keys = new (long Key, int Position)[items.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = (key(items[i]), i);
        }

        var values = items.ToArray();
        Array.Sort(keys, values);
        return ImmutableCollectionsMarshal.AsImmutableArray(values);
    }
}
