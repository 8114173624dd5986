namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>
/// SCALE-Sim v2's CALC-mode read buffer (<c>memory/read_buffer_estimate_bw.py</c>). Every read hits
/// (served at cycle + 1, so no stalls); the buffer only reconstructs the DRAM traffic a double-buffered
/// SRAM would need. The SRAM is 100 sets of floor(words / 100) words: 50 active, 50 prefetch. Each
/// demanded address that is not in a completed set of the active window and not in the set being filled
/// joins that set. When the set count passes the active window, the observed sets are "prefetched":
/// the first time (the initial fill) at 10 words/cycle in the cycles just before the first demand, later
/// ones spread over the previous interval between prefetch points at ceil(words / interval) words/cycle.
/// The tail is flushed by <see cref="Complete"/>. DRAM reads = words of all prefetched sets.
/// </summary>
internal sealed class BandwidthEstimatingReadBuffer : IScaleSimReadBuffer
{
    private const int HitLatency = 1;
    private const int PortLatency = 1;
    private const int DefaultBandwidth = 10;
    private const int ActiveSets = 50;
    private const int PrefetchSets = 50;

    private readonly int itemsPerSet;
    private readonly AddressSetIndex sets;
    private readonly List<int> setSizes = [];

    private int currentSetId;
    private int elemsCurrentSet;
    private int readStart;
    private int readEnd = ActiveSets - 1;
    private int prefetchStart = -1;
    private int prefetchEnd = -1;
    private long lastStart = -2;
    private long lastEnd = -1;
    private long firstRequestCycle;
    private bool firstRequestSeen;
    private bool activeDone;

    public BandwidthEstimatingReadBuffer(long sizeWords, int minAddress, int maxAddress, Action<long, long>? onDramRows = null)
    {
        Dram = new DramActivity(onDramRows);
        itemsPerSet = checked((int)(sizeWords / 100));
        if (itemsPerSet < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(sizeWords), sizeWords, "SCALE-Sim's CALC buffer needs at least 100 words (100 sets).");
        }

        sets = new AddressSetIndex(minAddress, maxAddress);
    }

    public DramActivity Dram { get; }

    public long Service(ReadOnlySpan<int> row, long cycle)
    {
        foreach (int addr in row)
        {
            if (addr == -1)
            {
                continue;
            }

            if (!firstRequestSeen)
            {
                firstRequestCycle = cycle;
                firstRequestSeen = true;
            }

            Manage(cycle, addr);
        }

        return cycle + HitLatency;
    }

    public void Complete()
    {
        if (elemsCurrentSet > 0)
        {
            setSizes.Add(elemsCurrentSet);
        }
        else
        {
            currentSetId--;
        }

        if (!activeDone)
        {
            lastEnd = -1 - PortLatency;
            int count = currentSetId + 1;
            long cycles = CeilDiv((long)count * itemsPerSet, DefaultBandwidth);
            lastStart = lastEnd - cycles + 1;
            Prefetch(0, count - 1);
            activeDone = true;
        }
        else
        {
            prefetchEnd = currentSetId;
            Prefetch(prefetchStart, prefetchEnd);
        }
    }

    private void Manage(long cycle, int addr)
    {
        if (Hit(addr))
        {
            return;
        }

        if (sets.LastSet(addr) == currentSetId)
        {
            return;
        }

        sets.Append(addr, currentSetId);
        elemsCurrentSet++;
        if (elemsCurrentSet != itemsPerSet)
        {
            return;
        }

        setSizes.Add(elemsCurrentSet);
        elemsCurrentSet = 0;
        currentSetId++;
        if (currentSetId != readEnd + 1)
        {
            return;
        }

        if (!activeDone)
        {
            lastEnd = firstRequestCycle - 1 - PortLatency;
            long cycles = CeilDiv((long)PrefetchSets * itemsPerSet, DefaultBandwidth);
            lastStart = lastEnd - cycles + 1;
            Prefetch(0, ActiveSets - 1);
            prefetchStart = readEnd + 1;
            prefetchEnd = prefetchStart + PrefetchSets - 1;
            activeDone = true;
        }
        else
        {
            Prefetch(prefetchStart, prefetchEnd);
            prefetchStart += PrefetchSets;
            prefetchEnd += PrefetchSets;
        }

        readStart += PrefetchSets;
        readEnd += PrefetchSets;
        lastStart = lastEnd + 1;
        lastEnd = cycle;
    }

    private bool Hit(int addr)
    {
        int end = Math.Min(currentSetId, readEnd + 1);
        return readStart < end && sets.AnyIn(addr, readStart, end);
    }

    /// <summary>
    /// Emits the sets <paramref name="first"/>..<paramref name="last"/> as DRAM reads over
    /// [lastStart, lastEnd], stamped one cycle later (read port latency 1).
    /// </summary>
    private void Prefetch(int first, int last)
    {
        long words = 0;
        for (int id = Math.Max(first, 0); id <= last && id < setSizes.Count; id++)
        {
            words += setSizes[id];
        }

        long cycles = lastEnd - lastStart + 1;
        if (cycles <= 0)
        {
            // SCALE-Sim divides by this interval (ZeroDivisionError): two prefetch points in one cycle.
            throw new ScaleSimInputLimitException(
                "SCALE-Sim's CALC-mode prefetch interval is empty (its read_buffer_estimate_bw divides by zero here); the SRAM is too small for this array width.");
        }

        Dram.Add(words, lastStart + PortLatency, lastEnd + PortLatency);
    }

    private static long CeilDiv(long a, long b) => (a + b - 1) / b;
}
