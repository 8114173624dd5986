namespace QuantSim.Simulator.Dram;

/// <summary>Unlimited bandwidth and no latency: every transfer completes when it is ready. Counts bytes.</summary>
public sealed class IdealDramModel : IDramModel
{
    private DramStatistics _stats = DramStatistics.Zero;

    public DramStatistics Statistics => _stats;

    public long Transfer(long readyCycle, long address, long bytes, DramDirection direction)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytes);
        bool read = direction == DramDirection.Read;
        _stats = _stats with
        {
            BytesRequestedRead = _stats.BytesRequestedRead + (read ? bytes : 0),
            BytesRequestedWritten = _stats.BytesRequestedWritten + (read ? 0 : bytes),
            BytesMovedRead = _stats.BytesMovedRead + (read ? bytes : 0),
            BytesMovedWritten = _stats.BytesMovedWritten + (read ? 0 : bytes),
        };
        return readyCycle;
    }
}
