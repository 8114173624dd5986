using QuantSim.Simulator.Dram;

namespace QuantSim.Simulator.Tests.Dram;

public sealed class BandwidthDramModelTests
{
    [Test]
    public void Should_Move_Whole_Bursts_At_The_Bandwidth_Then_Add_The_Latency()
    {
        // 1000 bytes = 16 bursts of 64 = 1024 bytes; 1024 / 12.8 = 80 cycles; + 100 latency = 180
        var dram = new BandwidthDramModel(12.8m, 100, 64);

        Assert.That(dram.Transfer(0, 0, 1000, DramDirection.Read), Is.EqualTo(180));
        Assert.That(dram.Statistics.BytesMovedRead, Is.EqualTo(1024));
        Assert.That(dram.Statistics.BytesRequestedRead, Is.EqualTo(1000));
    }

    [Test]
    public void Should_Overlap_Latency_But_Not_Bandwidth_Between_Transfers()
    {
        // First occupies the pipe 0..80; the second (64 B = 5 cycles) starts at 80, leaves at 85, done 185
        var dram = new BandwidthDramModel(12.8m, 100, 64);
        dram.Transfer(0, 0, 1000, DramDirection.Read);

        Assert.That(dram.Transfer(0, 4096, 64, DramDirection.Write), Is.EqualTo(185));
        Assert.That(dram.Statistics.BytesMovedWritten, Is.EqualTo(64));
    }

    [Test]
    public void Should_Count_Every_Burst_An_Unaligned_Transfer_Touches()
    {
        // Bytes 60..67 straddle the bursts [0, 64) and [64, 128)
        var dram = new BandwidthDramModel(8m, 0, 64);

        Assert.That(dram.Transfer(0, 60, 8, DramDirection.Read), Is.EqualTo(16));
        Assert.That(dram.Statistics.Bursts, Is.EqualTo(2));
    }
}
