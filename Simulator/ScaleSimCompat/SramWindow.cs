namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>First and last serviced cycle of the demand rows that carried at least one address.</summary>
internal sealed class SramWindow
{
    private long? start;
    private long stop;

    /// <summary>A demand row (-1 = idle port) served at <paramref name="serviced"/>.</summary>
    public void See(ReadOnlySpan<int> row, long serviced)
    {
        foreach (int addr in row)
        {
            if (addr != -1)
            {
                See(serviced);
                return;
            }
        }
    }

    /// <summary>A row known to carry an address, served at <paramref name="serviced"/>.</summary>
    public void See(long serviced)
    {
        start ??= serviced;
        stop = serviced;
    }

    public SramAccessSpan ToAccess(long accesses) => new(start ?? 0, stop, accesses);
}
