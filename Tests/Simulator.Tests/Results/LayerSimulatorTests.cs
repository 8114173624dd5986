using QuantSim.Input;
using QuantSim.Simulator.Systolic;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;
using QuantSim.Simulator.Results;
using QuantSim.Workloads;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Tests.Results;

[TestFixture]
public sealed class LayerSimulatorTests
{
    [Test]
    public void Should_report_cycles_folds_utilization_macs_and_edge_traffic()
    {
        // Given GEMM M=3 N=3 K=2 on a 2x2 WS array (hand-derived: 9 cycles, 2 folds)
        var result = LayerSimulator.Simulate(new GemmLayer("g", 3, 3, 2), new ArrayConfig(2, 2, Dataflow.WeightStationary, TimingConvention.Native), "w");

        // Then: MACs 18; utilization 18 / (9 cycles * 4 PEs) = 0.5;
        // traffic: tile words K*N = 6 on top, A streamed once per column fold: 2 * M*K = 12 on the left,
        // outputs M*N = 9 at the bottom (one row fold, so no partial sums read back)
        Assert.Multiple(() =>
        {
            Assert.That(result.ComputeCycles, Is.EqualTo(9));
            Assert.That(result.TotalCycles, Is.EqualTo(9));
            Assert.That(result.Folds, Is.EqualTo(2));
            Assert.That(result.Macs, Is.EqualTo(18));
            Assert.That(result.Utilization, Is.EqualTo(0.5));
            Assert.That(result.Traffic, Is.EqualTo(new EdgeTraffic(Dataflow.WeightStationary, 12, 6, 9, 0)));
            Assert.That((result.Traffic.IfmapWords, result.Traffic.FilterWords, result.Traffic.OutputWords), Is.EqualTo((12L, 6L, 9L)));
        });
    }

    [Test]
    public void Should_count_partial_sum_traffic_of_row_folds_in_input_stationary()
    {
        // Given M=2 N=4 K=4 on 2x2 IS: Sr=K=4 -> 2 row folds, Sc=M=2 -> 1, T=N=4
        var result = LayerSimulator.Simulate(new GemmLayer("g", 2, 4, 4), new ArrayConfig(2, 2, Dataflow.InputStationary, TimingConvention.Native), "w");

        // Then A preloaded once (M*K = 8) on top, B streamed once per column fold (K*N = 16) on the left,
        // partial sums out once per row fold (2 * M*N = 16) and read back for the second fold (8)
        Assert.That(result.Traffic, Is.EqualTo(new EdgeTraffic(Dataflow.InputStationary, 16, 8, 16, 8)));
        Assert.That((result.Traffic.IfmapWords, result.Traffic.FilterWords), Is.EqualTo((8L, 16L)));
    }

    [Test]
    public void Should_simulate_a_grouped_conv_as_consecutive_folds_verified_by_the_register_array()
    {
        // Given a grouped conv (2 groups) lowered to GEMM
        var layer = new ConvLayer("grp", 6, 6, 4, 3, 3, 6) { Groups = 2, PadH = 1, PadW = 1 };
        var array = new ArrayConfig(4, 4, Dataflow.OutputStationary, TimingConvention.Native);

        // When simulated by the fast engine and by the register-level array
        var fast = LayerSimulator.Simulate(layer, array, "w");
        var register = RegisterArray.Run(array, GemmOperands.Random(GemmLowering.Lower(layer, "w"), 3));

        // Then they agree, and folds count both groups
        Assert.That(fast.ComputeCycles, Is.EqualTo(register.Cycles));
        Assert.That(fast.Folds, Is.EqualTo(2 * 9 * 1));
    }

    [Test]
    public void Should_reject_a_workload_with_a_bad_layer_naming_it()
    {
        var workload = new Workload("tiny-net", [new GemmLayer("ok", 2, 2, 2), new ConvLayer("bad", 4, 4, 3, 3, 3, 8) { Groups = 2 }]);

        var ex = Assert.Throws<InputException>(() =>
            LayerSimulator.Simulate(workload, new ArrayConfig(4, 4, Dataflow.OutputStationary, TimingConvention.Native)))!;

        Assert.That(ex.Errors.Single().Field, Is.EqualTo("bad"));
        Assert.That(ex.Errors.Single().File, Is.EqualTo("tiny-net"));
    }
}
