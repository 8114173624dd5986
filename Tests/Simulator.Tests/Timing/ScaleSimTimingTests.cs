using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;
using QuantSim.Simulator.Results;
using QuantSim.Simulator.ScaleSimCompat;
using QuantSim.Simulator.Timing;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Tests.Timing;

/// <summary>
/// <c>timing: scalesim</c> against SCALE-Sim v2's published formulas and its own reference runs
/// (Tests/Fixtures/scalesim, copied from shared/reference/scalesim).
/// </summary>
[TestFixture]
public sealed class ScaleSimTimingTests
{
    public static IEnumerable<TestCaseData> RunLayers()
    {
        foreach (string name in ScaleSimRun.Names())
        {
            int layers = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "scalesim", name, "COMPUTE_REPORT.csv")).Length - 1;
            for (int l = 0; l < layers; l++)
            {
                yield return new TestCaseData(name, l).SetName($"{name} layer {l}");
            }
        }
    }

    [TestCaseSource(nameof(RunLayers))]
    public void Should_reproduce_the_compute_cycles_of_a_reference_run(string run, int layer)
    {
        // Given a SCALE-Sim v2 run (its cfg, topology and COMPUTE_REPORT.csv)
        var reference = ScaleSimRun.Load(run);

        // When QuantSim simulates the layer with timing: scalesim
        var result = LayerSimulator.Simulate(reference.Layers[layer], reference.Array, run);

        // Then compute cycles equal SCALE-Sim's Total Cycles minus its memory stalls (0 in CALC mode),
        // and the mapping efficiency, compute utilization and overall utilization agree
        Assert.Multiple(() =>
        {
            Assert.That(result.ComputeCycles, Is.EqualTo(reference.ReportedTotal(layer) - reference.ReportedStalls(layer)));
            Assert.That(result.SpatialEfficiency * 100, Is.EqualTo(reference.Reported(layer, 4)).Within(1e-9), "Mapping Efficiency %");
            Assert.That(ScaleSimTiming.ComputeUtilization(result.Mapping) * 100, Is.EqualTo(reference.Reported(layer, 5)).Within(1e-9), "Compute Util %");
            if (reference.ReportedStalls(layer) == 0)
            {
                Assert.That(result.Utilization * 100, Is.EqualTo(reference.Reported(layer, 3)).Within(1e-9), "Overall Util %");
            }
        });
    }

    /// <summary>
    /// Layers whose traces are at hand and not shifted by memory stalls (USER-mode stalls are
    /// reproduced by the ScaleSimCompat emulation and its own trace tests).
    /// </summary>
    public static IEnumerable<TestCaseData> StallFreeTracedLayers() =>
        RunLayers().Where(c =>
        {
            var run = ScaleSimRun.Load((string)c.Arguments[0]!);
            int layer = (int)c.Arguments[1]!;
            return run.ReportedStalls(layer) == 0 && run.TracePath(layer, "IFMAP_SRAM_TRACE.csv") is not null;
        });

    [TestCaseSource(nameof(StallFreeTracedLayers))]
    public void Should_reproduce_the_sram_traces_cycle_by_cycle(string run, int layer)
    {
        // Given a reference run whose per-cycle SRAM traces are in the fixtures and had no stalls
        var reference = ScaleSimRun.Load(run);

        var l = reference.Layers[layer];
        var problem = ScaleSimLowering.Lower(l, run);
        var mapping = DataflowMapper.Map(problem, reference.Array);
        var address = l is ConvLayer conv ? ScaleSimAddressing.ForConv(conv) : ScaleSimAddressing.ForGemm(problem.M, problem.N, problem.K);

        // Then every port of every cycle holds the address our demand model predicts:
        // reads are stamped one cycle late (hit latency 1), writes on time
        foreach (var (operand, file, stamp) in new[]
                 {
                     (ScaleSimOperand.Ifmap, "IFMAP_SRAM_TRACE.csv", 1),
                     (ScaleSimOperand.Filter, "FILTER_SRAM_TRACE.csv", 1),
                     (ScaleSimOperand.Ofmap, "OFMAP_SRAM_TRACE.csv", 0),
                 })
        {
            var expected = ScaleSimDemand.Build(mapping, address, operand);
            var actual = reference.Trace(layer, file)!;
            Assert.That(actual, Has.Count.EqualTo(expected.Length), file);
            for (int row = 0; row < expected.Length; row++)
            {
                Assert.That(actual[row].Cycle, Is.EqualTo(row + stamp), $"{file} row {row}");
                Assert.That(actual[row].Ports, Is.EqualTo(expected[row]), $"{file} cycle {row + stamp}");
            }
        }
    }

    // Formula (SCALE-Sim v2): F = ceil(Sr/R) * ceil(Sc/C); reported = F * rows - 1 with
    // rows = T + R + C - 2 (os) or 2R + C + T - 2 (ws/is).
    //
    // Conv 56x56x64, 3x3, 64 filters, stride 1, no padding, on 32x32: SCALE-Sim's E = ceil((56-3+1)/1) = 54,
    // M = 54*54 = 2916, K = 3*3*64 = 576, N = 64.
    //   os: Sr=2916 -> 92, Sc=64 -> 2, F=184, rows = 576+32+32-2 = 638, 184*638 - 1 = 117391
    //   ws: Sr=576 -> 18, Sc=64 -> 2, F=36, rows = 64+32+2916-2 = 3010, 36*3010 - 1 = 108359
    //   is: Sr=576 -> 18, Sc=2916 -> 92, F=1656, rows = 64+32+64-2 = 158, 1656*158 - 1 = 261647
    [TestCase(Dataflow.OutputStationary, 117391L, 184L)]
    [TestCase(Dataflow.WeightStationary, 108359L, 36L)]
    [TestCase(Dataflow.InputStationary, 261647L, 1656L)]
    public void Should_pin_a_3x3_conv_on_32x32_to_the_formula(Dataflow dataflow, long cycles, long folds)
    {
        // Given the conv layer and a 32x32 array in scalesim timing
        var layer = new ConvLayer("conv3x3", 56, 56, 64, 3, 3, 64);

        // When simulated
        var result = LayerSimulator.Simulate(layer, new ArrayConfig(32, 32, dataflow, TimingConvention.ScaleSim), "pinned");

        // Then cycles and folds are the formula's
        Assert.That(result.ComputeCycles, Is.EqualTo(cycles));
        Assert.That(result.Folds, Is.EqualTo(folds));
    }

    [Test]
    public void Should_use_scalesims_rounded_up_output_size_for_strided_convs()
    {
        // Given 8x8x4 input, 3x3 kernel, 8 filters, stride 2: our output is floor(5/2)+1 = 3 wide,
        // SCALE-Sim's ceil((8-3+2)/2) = 4, so its M = 16 (ours 9); K = 36, N = 8.
        var layer = new ConvLayer("strided", 8, 8, 4, 3, 3, 8) { StrideH = 2, StrideW = 2 };

        // When simulated WS on 8x8 in scalesim timing
        var result = LayerSimulator.Simulate(layer, new ArrayConfig(8, 8, Dataflow.WeightStationary, TimingConvention.ScaleSim), "pinned");

        // Then Sr=K=36 -> 5 folds, Sc=8 -> 1, T=M=16: 5 * (16+8+16-2) - 1 = 189 (M=9 would give 154),
        // while MACs stay those of the real layer: 9 * 8 * 36 = 2592
        Assert.That(result.ComputeCycles, Is.EqualTo(189));
        Assert.That(result.Macs, Is.EqualTo(2592));
    }

    [Test]
    public void Should_count_each_depthwise_group_as_a_separate_scalesim_layer()
    {
        // Given a 3x3 depthwise conv on 6x6x4 (4 groups of M=16, K=9, N=1), OS on 8x8
        var layer = ConvLayer.Depthwise("dw", 6, 6, 4, 3, 1, 0);

        // When simulated in scalesim timing
        var result = LayerSimulator.Simulate(layer, new ArrayConfig(8, 8, Dataflow.OutputStationary, TimingConvention.ScaleSim), "pinned");

        // Then per group Sr=16 -> 2 folds, rows = 9+8+8-2 = 23, 2*23 - 1 = 45; times 4 groups = 180
        Assert.That(result.ComputeCycles, Is.EqualTo(180));
        Assert.That(result.Folds, Is.EqualTo(8));
    }

    [Test]
    public void Should_charge_a_partial_fold_like_a_full_one()
    {
        // Given GEMM M=9 N=8 K=8 on 8x8 OS: 2 row folds, the second using 1 of 8 rows
        var layer = new GemmLayer("partial", 9, 8, 8);

        // When simulated in both timings
        var scale = LayerSimulator.Simulate(layer, new ArrayConfig(8, 8, Dataflow.OutputStationary, TimingConvention.ScaleSim), "pinned");
        var native = LayerSimulator.Simulate(layer, new ArrayConfig(8, 8, Dataflow.OutputStationary, TimingConvention.Native), "pinned");

        // Then SCALE-Sim: 2 * (8+8+8-2) - 1 = 43. Native: s0 = 0, E0 = 0+8+8+8-2 = 22;
        // s1 = 0 + max(8, 8) = 8, E1 = 8+8+1+8-2 = 23 -> 24 cycles (overlapped, partial fold cheaper)
        Assert.That(scale.ComputeCycles, Is.EqualTo(43));
        Assert.That(native.ComputeCycles, Is.EqualTo(24));
    }
}
