namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>
/// SCALE-Sim's <c>prepare_hashed_buffer</c>: the valid addresses of the prefetch order grouped, in
/// order, ceil(SRAM words / 100) at a time into numbered lines ("sets"; an address repeated inside one
/// line still counts towards its size) (plus a final, possibly empty, line), indexed
/// per address as ascending line ids (compressed rows) for window queries.
/// </summary>
internal sealed class HashedLines : IDisposable
{
    private readonly int minAddress;
    private readonly int span;
    // Rented (OperandTable): entries 0..span are the operand's.
    private readonly int[] start;
    private bool returned;
    private readonly int[] ids;

    public HashedLines(int[] order, int perLine, int minAddress, int maxAddress)
    {
        this.minAddress = minAddress;
        span = checked(maxAddress - minAddress + 1);
        start = OperandTable<int>.RentZeroed(span + 1);
        long valid = 0;
        foreach (int addr in order)
        {
            if (addr != -1)
            {
                start[Slot(addr) + 1]++;
                valid++;
            }
        }

        Count = checked((int)(valid / perLine) + 1);
        for (int i = 0; i < span; i++)
        {
            start[i + 1] += start[i];
        }

        var fill = OperandTable<int>.RentZeroed(span);
        ids = new int[valid];
        long j = 0;
        foreach (int addr in order)
        {
            if (addr == -1)
            {
                continue;
            }

            int slot = Slot(addr);
            int line = (int)(j++ / perLine);
            int at = start[slot] + fill[slot];

            // An address twice in one line is one set member; keep ids strictly ascending.
            if (fill[slot] > 0 && ids[at - 1] == line)
            {
                continue;
            }

            ids[at] = line;
            fill[slot]++;
        }

        for (int s = 0; s < span; s++)
        {
            // Unused tail slots (duplicates) repeat the last id so the slice stays sorted.
            for (int k = start[s] + fill[s]; k < start[s + 1]; k++)
            {
                ids[k] = ids[k - 1];
            }
        }

        OperandTable<int>.Return(fill);
    }

    public void Dispose()
    {
        // Returned once: a table returned twice would be rented to two layers at the same time.
        if (!returned)
        {
            returned = true;
            OperandTable<int>.Return(start);
        }
    }

    /// <summary>Number of hashed lines (SCALE-Sim's <c>num_lines</c>).</summary>
    public int Count { get; }

    /// <summary>Whether a line of the circular window [from, to) holds <paramref name="addr"/> (from == to: all lines).</summary>
    public bool AnyInWindow(int addr, int from, int to)
    {
        int slot = Slot(addr);
        int lo = start[slot], hi = start[slot + 1];
        if (lo == hi)
        {
            return false;
        }

        if (from < to)
        {
            // The first id at or after `from` (a plain search: Array.BinarySearch<int> goes through a generic
            // comparer helper that a short-lived ReadyToRun process runs unoptimized).
            int first = lo, last = hi;
            while (first < last)
            {
                int mid = (first + last) >>> 1;
                if (ids[mid] < from)
                {
                    first = mid + 1;
                }
                else
                {
                    last = mid;
                }
            }

            return first < hi && ids[first] < to;
        }

        return ids[hi - 1] >= from || ids[lo] < to;
    }

    private int Slot(int addr)
    {
        int slot = addr - minAddress;
        if ((uint)slot >= (uint)span)
        {
            throw new InvalidOperationException($"Address {addr} is outside the operand's range.");
        }

        return slot;
    }
}
