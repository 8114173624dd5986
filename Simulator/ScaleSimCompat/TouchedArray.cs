namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>
/// Zeroed arrays for tables that are read before they are written (stamps, counters), as large as an operand.
/// <para>
/// A large array comes from fresh, untouched pages. If its first touch is a read, the kernel maps the shared
/// zero page, and the first write then copies it and flushes that page from the TLB of every core the
/// process runs on (an inter-processor interrupt per page). Writing every page once first makes each page
/// a plain fresh page instead. On <c>simulate --scalesim-config</c> of ResNet-50 32x32 OS the flushes took
/// 22 % of the process's samples and its system time fell from 0.5-0.65 s to 0.14-0.18 s
/// (docs/performance.md, seventh round).
/// </para>
/// </summary>
internal static class TouchedArray
{
    public static int[] Zeroed(int length)
    {
        var array = new int[length];
        Array.Clear(array);
        return array;
    }
}
