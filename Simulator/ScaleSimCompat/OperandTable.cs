namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>
/// Zeroed tables as large as an operand (the CALC buffer's 16-bit stamps, USER mode's int line index), kept per thread
/// when their layer is done and handed to the next layer that needs one no larger. A kept table can be longer
/// than asked for; its users keep the length they asked for.
/// <para>
/// Why not a fresh array per layer: a fresh large array comes from untouched pages. If its first touch is a read,
/// the kernel maps the shared zero page, and the first write then copies it and flushes that page from the TLB of
/// every core the process runs on. On <c>simulate --scalesim-config</c> of ResNet-50 32x32 OS those flushes took
/// 22 % of the samples. Clearing the table first (a write) removed them. Reusing tables across layers also saves
/// the page faults and the large-object garbage: in 8 alternating runs each, that run went from 0.41 s to 0.34 s
/// (median), ResNet-50 256x256 WS from 0.29 s to 0.23 s (docs/performance.md, seventh round).
/// </para>
/// <para>
/// Why not the shared <see cref="System.Buffers.ArrayPool{T}"/>: it rounds every length up to a power of two and
/// keeps arrays of every size it was asked for, per core. Keeping the two largest per thread at their exact
/// lengths instead took the peak working set of an in-process ResNet-50 run from 88 to 76 MB (32x32 OS) and from
/// 92 to 69 MB (256x256 WS, with the layers one per core; docs/performance.md, eighth round).
/// </para>
/// </summary>
internal static class OperandTable<T>
    where T : unmanaged
{
    /// <summary>Tables a CALC layer holds at once, one per read operand (USER mode holds a third while it builds a line index; of three returned, the smallest is dropped).</summary>
    private const int KeptPerThread = 2;

    // Per thread, because a layer rents and returns its tables on the thread that simulates it.
    [ThreadStatic]
    private static List<T[]>? kept;

    public static T[] RentZeroed(int length)
    {
        var tables = kept ??= [];
        int best = -1;
        for (int i = 0; i < tables.Count; i++)
        {
            if (tables[i].Length >= length && (best < 0 || tables[i].Length < tables[best].Length))
            {
                best = i;
            }
        }

        T[] table;
        if (best >= 0)
        {
            table = tables[best];
            tables.RemoveAt(best);
        }
        else
        {
            table = GC.AllocateUninitializedArray<T>(length);
        }

        Array.Clear(table, 0, length);
        return table;
    }

    public static void Return(T[] table)
    {
        var tables = kept ??= [];
        tables.Add(table);
        if (tables.Count > KeptPerThread)
        {
            tables.Remove(tables.MinBy(t => t.Length)!);
        }
    }
}
