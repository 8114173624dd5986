using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

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
/// <para>
/// The read window moves by 50 sets exactly when the set being filled would leave it, so the filling set
/// is always inside it (readStart &lt;= currentSetId &lt;= readEnd) and "in a completed set of the window
/// or in the filling set" is "in a set numbered readStart or later". An address joins a set only when it
/// is in none of those, so at most one of its sets is ever that recent: its newest set id decides, and
/// one 16-bit stamp per address (see newestSet) replaces SCALE-Sim's per-set membership lists (one array read per demanded
/// address instead of a list walk).
/// </para>
/// </summary>
internal sealed class BandwidthEstimatingReadBuffer : IScaleSimReadBuffer
{
    private const int HitLatency = 1;
    private const int PortLatency = 1;
    private const int DefaultBandwidth = 10;
    private const int ActiveSets = 50;
    private const int PrefetchSets = 50;

    private readonly int itemsPerSet;
    private readonly int minAddress;
    // Per address, 1 + the newest set it joined, minus stampBase (0: none, or a set before stampBase); it is a hit when
    // that set is readStart or later. 16 bits halve the largest table of a layer: stampBase moves up to readStart
    // (in Stamp) before a stamp would pass 65535. Rented (OperandTable): only the first `slots` entries are the operand's.
    private readonly ushort[] newestSet;
    private readonly int stampLimit;
    private int stampBase;
    private bool returned;
    private readonly int slots;
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

    // stampLimit: the largest stamp before a rebase; 65535, lower only for tests of the rebase.
    public BandwidthEstimatingReadBuffer(long sizeWords, int minAddress, int maxAddress, Action<long, long>? onDramRows = null, int stampLimit = ushort.MaxValue)
    {
        // A rebase leaves stamps up to the window's 50 sets, so a limit must leave room above them.
        ArgumentOutOfRangeException.ThrowIfLessThan(stampLimit, ActiveSets + 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(stampLimit, ushort.MaxValue);
        this.stampLimit = stampLimit;
        Dram = new DramActivity(onDramRows);
        itemsPerSet = checked((int)(sizeWords / 100));
        if (itemsPerSet < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(sizeWords), sizeWords, "SCALE-Sim's CALC buffer needs at least 100 words (100 sets).");
        }

        this.minAddress = minAddress;
        // 0 = never joined, so a zeroed table is the empty buffer; it is as large as the operand.
        slots = checked(maxAddress - minAddress + 1);
        newestSet = OperandTable<ushort>.RentZeroed(slots);
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

            FirstRequestAt(cycle);
            int slot = addr - minAddress;
            if ((uint)slot >= (uint)slots)
            {
                throw new InvalidOperationException($"Address {addr} is outside the operand's range.");
            }

            // Hit in the window, or already in the set being filled (see the class comment).
            if (newestSet[slot] > readStart - stampBase)
            {
                continue;
            }

            newestSet[slot] = Stamp();
            Joined(cycle);
        }

        return cycle + HitLatency;
    }

    /// <summary>
    /// Stamp of the read window: it changes exactly when the window moves, i.e. when every address the buffer holds
    /// stops being a hit. A set of addresses known to be all held while this stamp stays the same is all hits.
    /// </summary>
    public int Window => readStart;

    /// <summary>Joins the buffer can still take before the window moves (it moves on the join that spends the last).</summary>
    public long JoinBudget => ((long)(readEnd + 1 - currentSetId) * itemsPerSet) - elemsCurrentSet;

    /// <summary>The first demand of the layer arrives at <paramref name="cycle"/> (what <see cref="Service"/> notes itself).</summary>
    public void FirstRequestAt(long cycle)
    {
        if (!firstRequestSeen)
        {
            firstRequestCycle = cycle;
            firstRequestSeen = true;
        }
    }

    /// <summary>
    /// Takes the addresses <paramref name="first"/> .. <paramref name="first"/> + <paramref name="count"/> − 1 in no
    /// particular order, which is exact when they are fewer than <see cref="JoinBudget"/>: the window cannot move
    /// inside them, so the order of joins changes nothing but which set of the window an address joined, and every
    /// set of the window is a hit alike.
    /// </summary>
    // Compiled fully optimized on its first call: ReadyToRun precompiles its Vector128 code only in a composite image
    // (a framework-dependent image cannot hold CoreLib's generic vector methods), and a method left to the JIT would
    // first run unoptimized, with every vector operation a call (ResNet-50 32x32 OS took 0.57-0.62 s instead of
    // 0.43-0.45 s in a framework-dependent build, docs/performance.md, eighth round).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void JoinAnyOrder(int first, int count)
    {
        if (count <= 0)
        {
            return;
        }

        int slot = first - minAddress;
        if (slot < 0 || slot + count > slots)
        {
            throw new InvalidOperationException($"Addresses {first}..{first + count - 1} are outside the operand's range.");
        }

        // A run of misses joins as one block, eight addresses a step (Vector128, which every x64 and Arm64 core has).
        // Not the span helpers that would do this (IndexOfAnyInRange, Fill): they are separate generic methods, which
        // the JIT would compile unoptimized first.
        // Every address of this call gets the same stamp (the window cannot move inside it).
        var table = newestSet.AsSpan(slot, count);
        ushort mark = Stamp();
        ushort threshold = (ushort)(readStart - stampBase);
        var window = Vector128.Create(threshold);
        var stamp = Vector128.Create(mark);
        int x = 0;
        while (x < table.Length)
        {
            // Skip the hits.
            while (x + 8 <= table.Length && Vector128.GreaterThanAll(Vector128.Create(table.Slice(x, 8)), window))
            {
                x += 8;
            }

            while (x < table.Length && table[x] > threshold)
            {
                x++;
            }

            // Stamp the misses that follow.
            int from = x;
            while (x + 8 <= table.Length && Vector128.LessThanOrEqualAll(Vector128.Create(table.Slice(x, 8)), window))
            {
                stamp.CopyTo(table.Slice(x, 8));
                x += 8;
            }

            while (x < table.Length && table[x] <= threshold)
            {
                table[x++] = mark;
            }

            if (x > from)
            {
                JoinedInWindow(x - from);
            }
        }
    }

    public void Dispose()
    {
        // Returned once: a table returned twice would be rented to two layers at the same time.
        if (!returned)
        {
            returned = true;
            OperandTable<ushort>.Return(newestSet);
        }
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

    /// <summary>
    /// The stamp of the set being filled, after moving <see cref="stampBase"/> up to the window's start if the stamp
    /// would pass the limit (16 bits). Rebasing keeps every hit a hit and every miss a miss: an address whose newest set is
    /// before the window becomes 0, one in the window keeps its distance from the window's start.
    /// </summary>
    private ushort Stamp()
    {
        if (currentSetId + 1 - stampBase > stampLimit)
        {
            int shift = readStart - stampBase;
            var table = newestSet.AsSpan(0, slots);
            for (int x = 0; x < table.Length; x++)
            {
                table[x] = (ushort)Math.Max(0, table[x] - shift);
            }

            stampBase = readStart;
        }

        return (ushort)(currentSetId + 1 - stampBase);
    }

    /// <summary><paramref name="joins"/> addresses joined, fewer than <see cref="JoinBudget"/>: sets fill, the window stays.</summary>
    private void JoinedInWindow(int joins)
    {
        while (elemsCurrentSet + joins >= itemsPerSet)
        {
            joins -= itemsPerSet - elemsCurrentSet;
            setSizes.Add(itemsPerSet);
            elemsCurrentSet = 0;
            currentSetId++;
            if (currentSetId == readEnd + 1)
            {
                throw new UnreachableException("Joins taken in any order moved the read window.");
            }
        }

        elemsCurrentSet += joins;
    }

    /// <summary>An address joined the set being filled at <paramref name="cycle"/>.</summary>
    private void Joined(long cycle)
    {
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
