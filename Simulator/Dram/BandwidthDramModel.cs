namespace QuantSim.Simulator.Dram;

/// <summary>
/// The simplest DRAM: a pipe of fixed bandwidth with a fixed latency, moving whole bursts.
/// A transfer occupies the pipe for ceil(bursts x burst bytes / bandwidth) cycles once the pipe is
/// free; its last byte arrives <c>latency</c> cycles after it leaves the pipe. Latency overlaps
/// with later transfers (requests are pipelined), bandwidth does not.
/// <code>
///   ready    start=max(ready, pipe free)           done = start + transfer + latency
///     |--------|====== transfer ======|----- latency -----|
///                                     ^ pipe free for the next transfer
/// </code>
/// Bandwidth is held as a decimal so that e.g. 12.8 bytes/cycle divides exactly.
/// </summary>
public sealed class BandwidthDramModel : IDramModel
{
    private readonly decimal _bytesPerCycle;
    private readonly int _latency;
    private readonly int _burstBytes;
    private long _pipeFreeAt;
    private DramStatistics _stats = DramStatistics.Zero;

    public BandwidthDramModel(decimal bytesPerCycle, int latencyCycles, int burstBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytesPerCycle);
        ArgumentOutOfRangeException.ThrowIfNegative(latencyCycles);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burstBytes);
        _bytesPerCycle = bytesPerCycle;
        _latency = latencyCycles;
        _burstBytes = burstBytes;
    }

    public DramStatistics Statistics => _stats;

    public long Transfer(long readyCycle, long address, long bytes, DramDirection direction)
    {
        var (_, bursts) = BurstSpan.Of(address, bytes, _burstBytes);
        long moved = bursts * _burstBytes;
        long busy = (long)Math.Ceiling(moved / _bytesPerCycle);
        long start = Math.Max(readyCycle, _pipeFreeAt);
        _pipeFreeAt = start + busy;
        bool read = direction == DramDirection.Read;
        _stats = _stats with
        {
            BytesRequestedRead = _stats.BytesRequestedRead + (read ? bytes : 0),
            BytesRequestedWritten = _stats.BytesRequestedWritten + (read ? 0 : bytes),
            BytesMovedRead = _stats.BytesMovedRead + (read ? moved : 0),
            BytesMovedWritten = _stats.BytesMovedWritten + (read ? 0 : moved),
            Bursts = _stats.Bursts + bursts,
        };
        return _pipeFreeAt + _latency;
    }
}
