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
    public void Should_count_the_lsq_datapath_per_mac_and_per_output(Dataflow dataflow)
    {
        var c = Count(dataflow, Lsq);
        Assert.Multiple(() =>
        {
            // Per MAC (48): one 8x8 MAC, weight + activation register reads, accumulator read + write.
            Assert.That(Pe(c, new Mac(8, 8, 32)), Is.EqualTo(48));
            Assert.That(Pe(c, new RegisterRead(8)), Is.EqualTo(96));
            Assert.That(Pe(c, new RegisterWrite(8)), Is.EqualTo(0), "operands moving between PEs are forwarding, not the PE's own traffic");
            Assert.That(Pe(c, new RegisterRead(32)), Is.EqualTo(48));
            Assert.That(Pe(c, new RegisterWrite(32)), Is.EqualTo(48));
            Assert.That(Pe(c, new Add(32)), Is.EqualTo(0), "the accumulate is part of the MAC");

            // Per output (16): bias add, 32x32 rescale, 64-bit rounding add and shift, clamp.
            Assert.That(Out(c, new Add(32)), Is.EqualTo(16));
            Assert.That(Out(c, new Multiply(32, 32)), Is.EqualTo(16));
            Assert.That(Out(c, new Add(64)), Is.EqualTo(16));
            Assert.That(Out(c, new Shift(64)), Is.EqualTo(16));
            Assert.That(Out(c, new Clamp(32)), Is.EqualTo(16));
        });
    }

    [Test]
    public void Should_forward_both_streamed_operands_and_the_flags_per_mac_in_output_stationary()
    {
        // OS: a (8 bits) moves right and w (8 bits) moves down at every MAC, with the 2 first/last flag bits.
        var c = Count(Dataflow.OutputStationary, Lsq);
        var forwarding = c.Entries.Where(e => e.Key.Site == ActivitySite.Forwarding).Select(e => (e.Key.Action, e.Value));
        Assert.That(forwarding, Is.EquivalentTo(new (ActivityAction, long)[] { (new RegisterWrite(8), 96), (new RegisterWrite(2), 48) }));
    }

    [TestCase(Dataflow.WeightStationary)]
    [TestCase(Dataflow.InputStationary)]
    public void Should_forward_the_streamed_operand_per_mac_and_load_each_stationary_word_twice(Dataflow dataflow)
    {
        // WS: the 3 x 4 = 12 weights, IS: the 4 x 3 = 12 inputs are each written into a shadow register, then
        // copied to the active one (2 writes of 8 bits), the shadow-full bit set and cleared (2 writes of 1 bit);
        // the streamed operand (8 bits) and its swap-flag bit move right at each of the 48 MACs.
        var c = Count(dataflow, Lsq);
        var forwarding = c.Entries.Where(e => e.Key.Site == ActivitySite.Forwarding).Select(e => (e.Key.Action, e.Value));
        Assert.That(forwarding, Is.EquivalentTo(new (ActivityAction, long)[] { (new RegisterWrite(8), 48 + 2 * 12), (new RegisterWrite(1), 48 + 2 * 12) }));
    }

    [TestCase(Dataflow.OutputStationary, 8 + 8 + 32 + 2)]
    [TestCase(Dataflow.WeightStationary, 8 + 8 + 32 + 8 + 1 + 1)]
    [TestCase(Dataflow.InputStationary, 8 + 8 + 32 + 8 + 1 + 1)]
    public void Should_clock_every_flip_flop_in_every_cycle_without_gating(Dataflow dataflow, int peBits)
    {
        // PE: weight, activation and accumulator registers plus the dataflow's (OS flags; WS/IS shadow, swap,
        // full bit), 4 PEs x the layer's cycles. Output lanes: LSQ's lane has no registers of its own, but holds
        // one channel's 32-bit bias and the layer's 32-bit M0 and 8-bit shift: 72 bits x 2 lanes.
        var layer = AcceleratorSimulator.Run(Config(dataflow, Lsq), new Workload("w", [Gemm with { Precision = Precision.W8A8 }])).Layers.Single();
        var c = layer.Activity.Counts;
        Assert.That(Pe(c, new RegisterClock(peBits)), Is.EqualTo(4 * layer.Activity.Cycles));
        Assert.That(Out(c, new RegisterClock(2 * 72)), Is.EqualTo(layer.Activity.Cycles));
    }

    [Test]
    public void Should_clock_a_gated_pe_only_in_the_cycles_it_computes()
    {
        // idle-pe: every PE of a fold holds operands for the fold's T = 3 cycles; 4 folds x 4 PEs x 3 = 48
        // PE-cycles (one MAC per PE-cycle), against 4 PEs x every cycle ungated.
        var config = Config(Dataflow.OutputStationary, Lsq) with { Array = new ArrayConfig(2, 2, Dataflow.OutputStationary, TimingConvention.Native) { ClockGating = ClockGating.IdlePe } };
        var layer = AcceleratorSimulator.Run(config, new Workload("w", [Gemm with { Precision = Precision.W8A8 }])).Layers.Single();
        Assert.That(Pe(layer.Activity.Counts, new RegisterClock(50)), Is.EqualTo(48));
        Assert.That(layer.Activity.Cycles, Is.GreaterThan(12), "the gated count is not the ungated one");
    }

    [Test]
    public void Should_clock_a_gated_bit_serial_pe_by_its_throughput_not_by_its_macs()
    {
        // Bit-serial at a4: 16 lanes of 4 cycles each = 4 MACs per PE-cycle (the PE's throughput), so the 4
        // output columns fit in one PE column. Each of the 2 row folds keeps 2 PEs busy for 2 x 4 x 3 / (2 x 4)
        // = 3 cycles: 2 x 2 x 3 = 12 busy PE-cycles for 48 MACs.
        var serial = DatapathChoice.Of(new MixedPrecisionDatapath(), new Precision(4, 4, 32), new Dictionary<string, string> { ["pe"] = "bit-serial" });
        var config = Config(Dataflow.OutputStationary, serial) with { Array = new ArrayConfig(2, 2, Dataflow.OutputStationary, TimingConvention.Native) { ClockGating = ClockGating.IdlePe } };
        var counts = AcceleratorSimulator.Run(config, new Workload("w", [Gemm with { Precision = serial.Precision }])).Layers.Single().Activity.Counts;
        var clock = counts.Entries.Single(e => e.Key.Site == ActivitySite.ProcessingElement && e.Key.Action is RegisterClock);
        Assert.That(clock.Value, Is.EqualTo(2 * 2 * 3));
    }

    [TestCase(Dataflow.OutputStationary, 4)]
    [TestCase(Dataflow.WeightStationary, 4)]
    [TestCase(Dataflow.InputStationary, 16)]
    public void Should_fetch_store_and_load_the_quantization_parameters_by_hand(Dataflow dataflow, int channelLoads)
    {
        // LSQ: a 32-bit bias per channel (4 channels) and a 32-bit M0 plus an 8-bit shift per layer: 128 + 40 bits
        // = 21 bytes fetched from DRAM and written as 21 8-bit filter-buffer words. A lane loads a channel's bias
        // when its channel changes: once per channel when channels are columns (OS, WS), once per output when
        // they stream in time (IS: 16 outputs); each load reads 4 filter words. The layer's 40 bits go into both
        // lanes once, read as 5 words.
        var c = Count(dataflow, Lsq);
        var filter = new BufferConfig(1 << 16, 8, 1);
        long P(ActivityAction a) => c[ActivitySite.Parameters, a];
        Assert.Multiple(() =>
        {
            Assert.That(P(new DramRead(8)), Is.EqualTo(21));
            Assert.That(P(ActivityCounter.Write(ActivityCounter.Filter, filter)), Is.EqualTo(21));
            Assert.That(P(new RegisterWrite(32)), Is.EqualTo(channelLoads));
            Assert.That(P(new RegisterWrite(40)), Is.EqualTo(2));
            Assert.That(P(ActivityCounter.Read(ActivityCounter.Filter, filter)), Is.EqualTo(4 * channelLoads + 5));
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
    public void Should_count_a_bit_composable_mac_as_one_unit_action_and_only_the_dataflows_flags_besides()
    {
        // The unit's synthesized energy includes its registers and their clock; the OS flags (2 bits) are the
        // dataflow's and are clocked in every cycle of the 4 PEs.
        var mixed = DatapathChoice.Of(new MixedPrecisionDatapath(), new Precision(4, 4, 32));
        var layer = AcceleratorSimulator.Run(Config(Dataflow.OutputStationary, mixed), new Workload("w", [Gemm with { Precision = mixed.Precision }])).Layers.Single();
        var pe = layer.Activity.Counts.Entries.Where(e => e.Key.Site == ActivitySite.ProcessingElement).Select(e => (e.Key.Action, e.Value));
        Assert.That(pe, Is.EquivalentTo(new (ActivityAction, long)[]
        {
            (new Mac(4, 4, 32, MacUnit.BitComposable), 48L),
            (new RegisterClock(2), 4 * layer.Activity.Cycles),
        }));
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
