namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>
/// SCALE-Sim v2's USER-mode read buffer (<c>memory/read_buffer.py</c>, no bank modelling). The operand's
/// prefetch order (<see cref="PrefetchOrder"/>) is cut into lines of <c>Bandwidth</c> words (the DRAM
/// "fetch matrix", -1 padding included) and, separately, into 100-per-SRAM hashed sets of
/// ceil(words / 100) valid addresses each (plus one trailing, possibly empty, set). The active half of the
/// SRAM is a circular window of ceil(half / set size) sets; the first one is loaded before cycle 0, one
/// fetch line per cycle. A demanded address outside the window triggers prefetches until it is inside:
/// each slides the window by the prefetch half (in sets) and occupies the DRAM port for
/// ceil(half / Bandwidth) line requests plus one cycle after the previous prefetch; when the data arrive
/// after the demand, the row waits (the stall). Every request counts whole lines.
/// </summary>
internal sealed class UserReadBuffer : IScaleSimReadBuffer
{
    private const int HitLatency = 1;

    private readonly int bandwidth;
    private readonly long activeSize;
    private readonly long prefetchSize;
    private readonly long fetchRows;
    private readonly HashedLines lines;
    private readonly int numActive;
    private readonly int numPrefetch;

    private bool loaded;
    private int activeStart;
    private int activeEnd;
    private long lastPrefetchCycle;

    public UserReadBuffer(long sizeWords, int bandwidth, int[] prefetchOrder, int minAddress, int maxAddress, Action<long, long>? onDramRows = null)
    {
        Dram = new DramActivity(onDramRows);
        ArgumentOutOfRangeException.ThrowIfLessThan(bandwidth, 1);
        this.bandwidth = bandwidth;
        activeSize = (sizeWords + 1) / 2;
        prefetchSize = sizeWords - activeSize;
        fetchRows = CeilDiv(prefetchOrder.LongLength, bandwidth);
        int perSet = checked((int)CeilDiv(sizeWords, 100));
        lines = new HashedLines(prefetchOrder, perSet, minAddress, maxAddress);
        int maxActive = checked((int)CeilDiv(activeSize, perSet));
        int maxPrefetch = checked((int)CeilDiv(prefetchSize, perSet));
        numActive = Math.Min(lines.Count, maxActive);
        numPrefetch = Math.Min(lines.Count - numActive, maxPrefetch);
    }

    public DramActivity Dram { get; }

    public long Service(ReadOnlySpan<int> row, long cycle)
    {
        if (!loaded)
        {
            LoadActiveHalf(cycle);
        }

        long offset = HitLatency;
        foreach (int addr in row)
        {
            if (addr == -1)
            {
                continue;
            }

            int guard = lines.Count + 1;
            while (!lines.AnyInWindow(addr, activeStart, activeEnd))
            {
                if (numPrefetch == 0 || guard-- == 0)
                {
                    throw new InvalidOperationException($"Address {addr} never enters SCALE-Sim's active buffer (SCALE-Sim would loop forever).");
                }

                NewPrefetch();
                long potentialStall = lastPrefetchCycle - (cycle + offset);
                if (potentialStall > 0)
                {
                    offset += potentialStall;
                }
            }
        }

        return cycle + offset;
    }

    /// <summary>USER mode has nothing to flush: every prefetch was issued when a demand missed.</summary>
    public void Complete()
    {
    }

    /// <summary>Returns the line index's operand-sized table (<see cref="HashedLines.Dispose"/>).</summary>
    public void Dispose() => lines.Dispose();

    /// <summary>The first active half, one fetch line per cycle, arriving in the cycles just before <paramref name="startCycle"/>.</summary>
    private void LoadActiveHalf(long startCycle)
    {
        long n = CeilDiv(activeSize, bandwidth);
        if (n >= fetchRows)
        {
            n = fetchRows;
        }

        Dram.Add(n * bandwidth, startCycle - n, startCycle - 1);
        lastPrefetchCycle = startCycle - 1;
        activeStart = 0;
        activeEnd = numActive;
        loaded = true;
    }

    /// <summary>Slides the window by the prefetch half; its lines are requested from the cycle after the last prefetch (port latency 1).</summary>
    private void NewPrefetch()
    {
        activeStart = (activeStart + numPrefetch) % lines.Count;
        activeEnd = (activeStart + numActive) % lines.Count;
        long n = CeilDiv(prefetchSize, bandwidth);
        Dram.Add(n * bandwidth, lastPrefetchCycle + 2, lastPrefetchCycle + n + 1);
        lastPrefetchCycle += n + 1;
    }

    private static long CeilDiv(long a, long b) => (a + b - 1) / b;
}
