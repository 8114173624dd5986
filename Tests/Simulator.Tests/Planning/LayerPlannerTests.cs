using QuantSim.Datapaths.Hardware;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;
using QuantSim.Simulator.Memory;
using QuantSim.Simulator.Planning;
using QuantSim.Simulator.Timing;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Tests.Planning;

/// <summary>One plan per layer: what the timing convention, the PE throughput and the buffers make of it.</summary>
[TestFixture]
public sealed class LayerPlannerTests
{
    private static readonly BufferSetConfig Buffers = new(
        new BufferConfig(64, 64, 1), new BufferConfig(64, 64, 1), new BufferConfig(64, 64, 1), DoubleBuffered: true);

    [Test]
    public void Should_time_a_pe_of_two_thirds_mac_per_cycle_as_a_twice_wider_array_at_a_third_of_the_clock()
    {
        // Given GEMM M=9 N=8 K=8 on 4x4 OS with PEs doing 2 MACs every 3 cycles
        var layer = new GemmLayer("g", 9, 8, 8);
        var array = new ArrayConfig(4, 4, Dataflow.OutputStationary, TimingConvention.Native);

        // When planned
        var plan = LayerPlanner.Plan(layer, GemmLowering.Lower(layer, "w"), array, NativeFoldTiming.Instance, new PeThroughput(2, 3), Buffers, 32);

        // Then the logical array is 4x8, and its cycles last 3 clocks each
        var logical = DataflowMapper.Map(GemmLowering.Lower(layer, "w"), 4, 8, Dataflow.OutputStationary);
        Assert.That(plan.Mapping, Is.EqualTo(logical));
        Assert.That(plan.ClocksPerArrayCycle, Is.EqualTo(3));
        Assert.That(plan.ComputeCycles, Is.EqualTo(3 * NativeTiming.Cycles(logical)));
        Assert.That(plan.Schedule().LastOutput, Is.EqualTo(NativeTiming.Schedule(logical).LastOutput.Select(c => (3 * c) + 2)));
    }

    [Test]
    public void Should_tile_in_time_only_under_native_timing()
    {
        // Given M=1000 N=16 K=20 on 8x8 WS: 3 row folds whose partial sums (1000 x 8 at 32 bits) overflow a 32-byte half
        var layer = new GemmLayer("g", 1000, 16, 20);
        var array = new ArrayConfig(8, 8, Dataflow.WeightStationary, TimingConvention.Native);
        var problem = GemmLowering.Lower(layer, "w");

        // When planned under both conventions
        var native = LayerPlanner.Plan(layer, problem, array, NativeFoldTiming.Instance, PeThroughput.OnePerCycle, Buffers, 32);
        var scaleSim = LayerPlanner.Plan(layer, problem, array, FoldTimings.For(TimingConvention.ScaleSim), PeThroughput.OnePerCycle, Buffers, 32);

        // Then native tiles as TemporalTiling says, SCALE-Sim never
        Assert.That(native.Mapping, Is.EqualTo(TemporalTiling.Apply(DataflowMapper.Map(problem, array), Buffers, 32)));
        Assert.That(native.Mapping.TimeTiles, Is.GreaterThan(1));
        Assert.That(scaleSim.Mapping.TimeTiles, Is.EqualTo(1));
    }

    [Test]
    public void Should_time_scalesims_gemm_but_keep_the_layers_own()
    {
        // Given 8x8x4, 3x3, 8 filters, stride 2: ours M = 3*3 = 9, SCALE-Sim's ceil output 4*4 = 16
        var layer = new ConvLayer("strided", 8, 8, 4, 3, 3, 8) { StrideH = 2, StrideW = 2 };
        var array = new ArrayConfig(8, 8, Dataflow.WeightStationary, TimingConvention.ScaleSim);

        // When planned for the array alone
        var plan = LayerPlanner.PlanArray(layer, GemmLowering.Lower(layer, "w"), array, FoldTimings.For(array.Timing));

        // Then the array runs M = 16 (5 * (16+8+16-2) - 1 = 189 cycles), the plan keeps the real M = 9
        Assert.That((plan.Problem.M, plan.Mapping.Problem.M, plan.ComputeCycles), Is.EqualTo((9, 16, 189L)));
        Assert.That(plan.Array.Problem, Is.EqualTo(plan.Mapping.Problem));
    }

    [TestCase(TimingConvention.Native, true)]
    [TestCase(TimingConvention.ScaleSim, false)]
    public void Should_choose_one_timing_per_convention(TimingConvention convention, bool registerModel)
    {
        var timing = FoldTimings.For(convention);

        Assert.That((timing.Convention, timing.HasRegisterModel), Is.EqualTo((convention, registerModel)));
    }
}
