using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Lsq;
using QuantSim.Datapaths.MixedPrecision;
using QuantSim.Datapaths.ScaleOffset;
using QuantSim.Simulator.Activity;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Engine;
using QuantSim.Workloads;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Tests.Activity;

/// <summary>
/// The activity the simulator counts for one small layer, against counts derived by hand. The layer
/// is a GEMM of M = 4 rows, K = 3, N = 4 on a 2 x 2 array (two row folds, two column folds), 8-bit
/// SRAM words for ifmap and filter, 32-bit for ofmap, ideal DRAM, buffers large enough that every
/// operand is resident: 48 MACs, 16 outputs, 4 output channels.
/// </summary>
public sealed class ActivityCounterTests
{
    private static readonly Layer Gemm = new GemmLayer("g", M: 4, N: 4, K: 3);

    private static AcceleratorConfig Config(Dataflow dataflow, DatapathChoice datapath) => new(
        "t", string.Empty, 1000,
        new ArrayConfig(2, 2, dataflow, TimingConvention.Native),
        new BufferSetConfig(new BufferConfig(1 << 16, 8, 1), new BufferConfig(1 << 16, 8, 1), new BufferConfig(1 << 16, 32, 1), DoubleBuffered: true),
        new IdealDramConfig(),
        datapath,
        new TechnologyConfig("horowitz-45nm"));

    private static ActivityCounts Count(Dataflow dataflow, DatapathChoice datapath) =>
        AcceleratorSimulator.Run(Config(dataflow, datapath), new Workload("w", [Gemm with { Precision = datapath.Precision }])).Layers.Single().Activity.Counts;

    private static DatapathChoice Lsq => DatapathChoice.Of(new LsqDatapath(), Precision.W8A8);

    private static long Pe(ActivityCounts c, ActivityAction a) => c[ActivitySite.ProcessingElement, a];

    private static long Out(ActivityCounts c, ActivityAction a) => c[ActivitySite.OutputStage, a];

    private static long Mem(ActivityCounts c, ActivityAction a) => c[ActivitySite.Memory, a];

    [TestCase(Dataflow.OutputStationary)]
    [TestCase(Dataflow.WeightStationary)]
    [TestCase(Dataflow.InputStationary)]
    public void Should_count_the_lsq_datapath_per_mac_per_output_and_per_channel(Dataflow dataflow)
    {
        var c = Count(dataflow, Lsq);
        Assert.Multiple(() =>
        {
            // Per MAC (48): one 8x8 MAC, weight + activation register reads, forward, accumulator read + write.
            Assert.That(Pe(c, new Mac(8, 8, 32)), Is.EqualTo(48));
            Assert.That(Pe(c, new RegisterRead(8)), Is.EqualTo(96));
            Assert.That(Pe(c, new RegisterWrite(8)), Is.EqualTo(48));
            Assert.That(Pe(c, new RegisterRead(32)), Is.EqualTo(48));
            Assert.That(Pe(c, new RegisterWrite(32)), Is.EqualTo(48));
            Assert.That(Pe(c, new Add(32)), Is.EqualTo(0), "the accumulate is part of the MAC");

            // Per output (16): bias add, 32x32 rescale, 64-bit rounding add and shift, clamp.
            Assert.That(Out(c, new Add(32)), Is.EqualTo(16));
            Assert.That(Out(c, new Multiply(32, 32)), Is.EqualTo(16));
            Assert.That(Out(c, new Add(64)), Is.EqualTo(16));
            Assert.That(Out(c, new Shift(64)), Is.EqualTo(16));
            Assert.That(Out(c, new Clamp(32)), Is.EqualTo(16));

            // Parameters: a 32-bit bias per channel (4) and one M0 per layer; one 8-bit shift per layer.
            Assert.That(Out(c, new RegisterRead(32)), Is.EqualTo(5));
            Assert.That(Out(c, new RegisterRead(8)), Is.EqualTo(1));
        });
    }

    [Test]
    public void Should_count_memory_words_for_output_stationary_by_hand()
    {
        // OS: rows hold M, columns N, K streams (T = 3). The 4 rows of A are fed once per column fold (2):
        // 4 x 3 x 2 = 24 ifmap words; the 4 columns of B once per row fold: 3 x 4 x 2 = 24 filter words; the
        // 16 outputs leave once, at 32 bits into 32-bit words. DMA fills each operand once (12 bytes each);
        // write-back reads the 16 one-byte outputs as 4 words of 32 bits.
        var c = Count(Dataflow.OutputStationary, Lsq);
        AssertMemory(c, ifmapReads: 24, filterReads: 24, ofmapWrites: 16, ofmapReads: 4);
    }

    [Test]
    public void Should_count_memory_words_for_weight_stationary_by_hand()
    {
        // WS: rows hold K (3: two row folds), columns N (two column folds), M streams (T = 4). A is streamed
        // once per column fold: 4 x 3 x 2 = 24; the 3 x 4 weights are loaded once: 12; both row folds emit
        // 4 x 4 partial sums: 32 ofmap writes; the second row fold reads the first's 16 back, plus 4 words of
        // write-back: 20 ofmap reads.
        var c = Count(Dataflow.WeightStationary, Lsq);
        AssertMemory(c, ifmapReads: 24, filterReads: 12, ofmapWrites: 32, ofmapReads: 20);
    }

    [Test]
    public void Should_count_memory_words_for_input_stationary_by_hand()
    {
        // IS: rows hold K, columns M, N streams (T = 4). B is streamed once per column fold: 3 x 4 x 2 = 24;
        // the 4 x 3 inputs are loaded once: 12; partial sums as for WS.
        var c = Count(Dataflow.InputStationary, Lsq);
        AssertMemory(c, ifmapReads: 12, filterReads: 24, ofmapWrites: 32, ofmapReads: 20);
    }

    [Test]
    public void Should_count_a_bit_composable_mac_as_one_unit_action_and_nothing_else_in_the_pe()
    {
        var mixed = DatapathChoice.Of(new MixedPrecisionDatapath(), new Precision(4, 4, 32));
        var c = Count(Dataflow.OutputStationary, mixed);
        var pe = c.Entries.Where(e => e.Key.Site == ActivitySite.ProcessingElement).ToList();
        Assert.That(pe.Select(e => (e.Key.Action, e.Value)), Is.EqualTo(new[] { ((ActivityAction)new Mac(4, 4, 32, MacUnit.BitComposable), 48L) }));
    }

    [Test]
    public void Should_count_the_in_pe_zero_point_subtract_and_its_register_per_mac()
    {
        var inPe = DatapathChoice.Of(new ScaleOffsetDatapath(), Precision.W8A8);
        var c = Count(Dataflow.OutputStationary, inPe);
        Assert.Multiple(() =>
        {
            // x - z_x: a 9-bit subtract per MAC feeding a 8 x 9 multiplier; the z_x register read per MAC.
            Assert.That(Pe(c, new Add(9)), Is.EqualTo(48));
            Assert.That(Pe(c, new Mac(9, 8, 32)), Is.EqualTo(48));
            Assert.That(Pe(c, new RegisterRead(8)), Is.EqualTo(3 * 48));
            // Output zero point: one more 32-bit add per output (bias add + zero-point add).
            Assert.That(Out(c, new Add(32)), Is.EqualTo(2 * 16));
        });
    }

    private static void AssertMemory(ActivityCounts c, long ifmapReads, long filterReads, long ofmapWrites, long ofmapReads)
    {
        var ifmap = new BufferConfig(1 << 16, 8, 1);
        var ofmap = new BufferConfig(1 << 16, 32, 1);
        Assert.Multiple(() =>
        {
            Assert.That(Mem(c, ActivityCounter.Read(ActivityCounter.Ifmap, ifmap)), Is.EqualTo(ifmapReads));
            Assert.That(Mem(c, ActivityCounter.Read(ActivityCounter.Filter, ifmap)), Is.EqualTo(filterReads));
            Assert.That(Mem(c, ActivityCounter.Write(ActivityCounter.Ofmap, ofmap)), Is.EqualTo(ofmapWrites));
            Assert.That(Mem(c, ActivityCounter.Read(ActivityCounter.Ofmap, ofmap)), Is.EqualTo(ofmapReads));
            Assert.That(Mem(c, ActivityCounter.Write(ActivityCounter.Ifmap, ifmap)), Is.EqualTo(12), "DMA fills M x K bytes");
            Assert.That(Mem(c, ActivityCounter.Write(ActivityCounter.Filter, ifmap)), Is.EqualTo(12), "DMA fills K x N bytes");
            Assert.That(Mem(c, new DramRead(8)), Is.EqualTo(24));
            Assert.That(Mem(c, new DramWrite(8)), Is.EqualTo(16));
        });
    }
}
