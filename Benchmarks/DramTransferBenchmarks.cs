using BenchmarkDotNet.Attributes;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Dram;

namespace QuantSim.Benchmarks;

/// <summary>
/// The bank-timing DRAM model on the stream a layer's DMA issues: 2,000 sequential 8 KiB reads (512,000
/// 32-byte LPDDR4 bursts, 128,000 64-byte DDR4 bursts) from a fresh model, each ready when the previous
/// one ends. One operation is the whole stream, so time per burst is the mean over the bursts above.
/// LPDDR4's shipped mapping keeps a channel's consecutive bursts in one row (runs of row hits, timed
/// in one step); DDR4's rotates them over the bank groups, so each burst is timed on its own.
/// </summary>
public class DramTransferBenchmarks
{
    private const int Transfers = 2000;
    private const long Bytes = 8192;
    private DramTimingParameters _parameters = null!;
    private DramClock _clock = null!;

    [Params("lpddr4-3200", "ddr4-2400")]
    public string Dram { get; set; } = "lpddr4-3200";

    [GlobalSetup]
    public void Setup()
    {
        _parameters = DramTimingReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "accel-configs", "dram", Dram + ".yaml"));
        _clock = DramClock.For(1000, _parameters.TckPs);
    }

    [Benchmark]
    public long SequentialReads()
    {
        var dram = new BankTimingDramModel(_parameters, _clock);
        long t = 0;
        for (int i = 0; i < Transfers; i++)
        {
            t = dram.Transfer(t, i * Bytes, Bytes, DramDirection.Read);
        }

        return t;
    }
}
