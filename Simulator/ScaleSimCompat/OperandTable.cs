using System.Buffers;

namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>
/// Zeroed int tables as large as an operand (the CALC buffer's stamps, USER mode's line index), rented from the
/// shared pool and returned when their layer is done. A rented table can be longer than asked for; its users keep
/// the length they asked for.
/// <para>
/// Why not a fresh array per layer: a fresh large array comes from untouched pages. If its first touch is a read,
/// the kernel maps the shared zero page, and the first write then copies it and flushes that page from the TLB of
/// every core the process runs on. On <c>simulate --scalesim-config</c> of ResNet-50 32x32 OS those flushes took
/// 22 % of the samples. Clearing the table first (a write) removed them. Reusing tables across layers also saves
/// the page faults and the large-object garbage: in 8 alternating runs each, that run went from 0.41 s to 0.34 s
/// (median), ResNet-50 256x256 WS from 0.29 s to 0.23 s, and the largest peak RSS of those runs from 185 MB to
/// 152 MB (docs/performance.md, seventh round).
/// </para>
/// </summary>
internal static class OperandTable
{
    public static int[] RentZeroed(int length)
    {
        var table = ArrayPool<int>.Shared.Rent(length);
        Array.Clear(table, 0, length);
        return table;
    }

    public static void Return(int[] table) => ArrayPool<int>.Shared.Return(table);
}
