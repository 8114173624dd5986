using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Lsq;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Engine;
using QuantSim.Workloads;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Tests.Memory;

public sealed class AcceleratorSimulatorTests
{
    private static AcceleratorConfig Config(int rows, int cols, Dataflow dataflow, DramConfig dram, long bufferBytes = 1 << 20) => new(
        "test", string.Empty, 1000,
        new ArrayConfig(rows, cols, dataflow, TimingConvention.Native),
        new BufferSetConfig(new BufferConfig(bufferBytes, 8, 1), new BufferConfig(bufferBytes, 8, 1), new BufferConfig(bufferBytes, 32, 1), DoubleBuffered: true),
        dram,
        DatapathChoice.Of(new LsqDatapath(), Precision.W8A8),
        new TechnologyConfig("horowitz-45nm"));

    private static Workload One(Layer layer) => new("w", [layer]);

    [Test]
    public void Should_Stall_By_Hand_Derived_Amounts_On_A_Slow_Dram()
    {
        // Given a 4x4 WS array, a 4x4x4 GEMM (one fold) and DRAM at 1 byte/cycle, latency 10, 4-byte bursts.
        // Native schedule: tile load L0 = 0, stream s0 = 1, last output 1 + 4 + 4 + 4 - 2 = 11, 12 compute cycles.
        // DMA at 0: weights (16 B) hold the pipe 0..16, arrive 26; inputs (16 B) hold it 16..32, arrive 42.
        // Array: weights needed at 0, ready 26: filter stall 26 (D = 26); inputs needed at 1 + 26 = 27,
        // ready 42: ifmap stall 15 (D = 41). Outputs (16 B at 8 bits) ready at 12 + 41 = 53, pipe 53..69,
        // written at 79. The array ends at 53, so the write-back adds 26 of ofmap stall. Total 79.
        var config = Config(4, 4, Dataflow.WeightStationary, new BandwidthDramConfig(1m, 10, 4), bufferBytes: 1024);

        var layer = AcceleratorSimulator.Run(config, One(new GemmLayer("g", 4, 4, 4))).Layers.Single();

        Assert.Multiple(() =>
        {
            Assert.That(layer.ComputeCycles, Is.EqualTo(12));
            Assert.That(layer.Memory.FilterStalls, Is.EqualTo(26));
            Assert.That(layer.Memory.IfmapStalls, Is.EqualTo(15));
            Assert.That(layer.Memory.OfmapStalls, Is.EqualTo(26));
            Assert.That(layer.TotalCycles, Is.EqualTo(79));
            Assert.That(layer.StallCycles, Is.EqualTo(67));
        });
    }

    [Test]
    public void Should_Stop_Before_The_Next_Layer_When_Asked()
    {
        // simulate stops the simulation this way when the cost-table rules checked beside it fail.
        var config = Config(4, 4, Dataflow.WeightStationary, new BandwidthDramConfig(1m, 10, 4), bufferBytes: 1024);
        var workload = new Workload("w", [new GemmLayer("a", 4, 4, 4), new GemmLayer("b", 4, 4, 4)]);
        using var stop = new CancellationTokenSource();
        var layersDone = new List<int>();
        var progress = new SynchronousProgress(done =>
        {
            layersDone.Add(done);
            stop.Cancel();
        });

        Assert.Throws<OperationCanceledException>(() => AcceleratorSimulator.Run(config, workload, layersDone: progress, stop: stop.Token));
        Assert.That(layersDone, Is.EqualTo(new[] { 1 }));
    }

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    private static IEnumerable<TestCaseData> RandomLayers()
    {
        var rng = new Random(2026);
        foreach (var dataflow in new[] { Dataflow.OutputStationary, Dataflow.WeightStationary, Dataflow.InputStationary })
        {
            for (int i = 0; i < 8; i++)
            {
                int rows = rng.Next(2, 17), cols = rng.Next(2, 17);
                Layer layer = i % 2 == 0
                    ? new GemmLayer($"gemm{i}", rng.Next(1, 200), rng.Next(1, 200), rng.Next(1, 200))
                    : new ConvLayer($"conv{i}", rng.Next(6, 20), rng.Next(6, 20), rng.Next(1, 24), 3, 3, rng.Next(1, 40)) { PadH = 1, PadW = 1, StrideH = 1 + i % 3 / 2 };
                yield return new TestCaseData(rows, cols, dataflow, layer).SetName($"{dataflow} {rows}x{cols} {layer.Name}");
            }
        }
    }

    [TestCaseSource(nameof(RandomLayers))]
    public void Should_Add_No_Cycles_When_Dram_Is_Ideal_And_Buffers_Fit(int rows, int cols, Dataflow dataflow, Layer layer)
    {
        // Given unlimited bandwidth and 1 MiB buffers (every operand of these layers fits)
        var result = AcceleratorSimulator.Run(Config(rows, cols, dataflow, new IdealDramConfig()), One(layer));

        // Then the layer takes exactly the array's compute cycles
        var only = result.Layers.Single();
        Assert.That(only.TotalCycles, Is.EqualTo(only.ComputeCycles));
        Assert.That(only.StallCycles, Is.Zero);
    }

    [TestCaseSource(nameof(RandomLayers))]
    public void Should_Never_Stall_Less_When_Bandwidth_Is_Cut(int rows, int cols, Dataflow dataflow, Layer layer)
    {
        // Given the same layer with DRAM bandwidth cut step by step, and buffers small enough to re-fetch
        long previous = -1;
        foreach (decimal bandwidth in new[] { 64m, 32m, 16m, 8m, 4m, 2m, 1m, 0.5m })
        {
            var config = Config(rows, cols, dataflow, new BandwidthDramConfig(bandwidth, 20, 16), bufferBytes: 2048);

            long stalls = AcceleratorSimulator.Run(config, One(layer)).StallCycles;

            // Then stall cycles never decrease
            Assert.That(stalls, Is.GreaterThanOrEqualTo(previous), $"at {bandwidth} bytes/cycle");
            previous = stalls;
        }
    }

    [Test]
    public void Should_Run_The_Register_Level_Array_To_The_Same_Cycles()
    {
        var config = Config(8, 8, Dataflow.OutputStationary, new IdealDramConfig());
        var workload = new Workload("two", [new GemmLayer("a", 20, 12, 10), new ConvLayer("c", 10, 10, 3, 3, 3, 5)]);

        var fast = AcceleratorSimulator.Run(config, workload, Fidelity.Fast);
        var register = AcceleratorSimulator.Run(config, workload, Fidelity.Register);

        Assert.That(register.Layers.Select(l => l.ComputeCycles), Is.EqualTo(fast.Layers.Select(l => l.ComputeCycles)));
        Assert.That(register.TotalCycles, Is.EqualTo(fast.TotalCycles));
    }

    [Test]
    public void Should_Start_Each_Layer_Where_The_Previous_Ended()
    {
        var config = Config(4, 4, Dataflow.WeightStationary, new BandwidthDramConfig(2m, 5, 8), bufferBytes: 512);
        var workload = new Workload("two", [new GemmLayer("a", 9, 7, 5), new GemmLayer("b", 6, 3, 11)]);

        var result = AcceleratorSimulator.Run(config, workload);

        Assert.That(result.Layers[1].StartCycle, Is.EqualTo(result.Layers[0].Memory.EndCycle));
        Assert.That(result.TotalCycles, Is.EqualTo(result.Layers.Sum(l => l.TotalCycles)));
    }
}
