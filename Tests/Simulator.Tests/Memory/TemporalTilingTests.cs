using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;
using QuantSim.Simulator.Memory;
using QuantSim.Simulator.Timing;

namespace QuantSim.Simulator.Tests.Memory;

public sealed class TemporalTilingTests
{
    private static BufferSetConfig Buffers(long ofmapBytes) =>
        new(new BufferConfig(1 << 20, 8, 1), new BufferConfig(1 << 20, 8, 1), new BufferConfig(ofmapBytes, 32, 1), DoubleBuffered: true);

    [Test]
    public void Should_Tile_T_To_The_Longest_Slice_Whose_Partial_Sums_Fit_Half_The_Ofmap_Buffer()
    {
        // WS, 8x8 array, M = T = 1000, K = 20 (3 row folds). Half of a 4 KiB ofmap = 2048 B = 16384 bits;
        // one time step of partial sums = 8 columns x 32 bits = 256 bits, so 64 steps fit.
        var mapping = DataflowMapper.Map(new GemmProblem("g", 1000, 16, 20), 8, 8, Dataflow.WeightStationary);

        var tiled = TemporalTiling.Apply(mapping, Buffers(4096), 32);

        Assert.That(tiled.TemporalTile, Is.EqualTo(64));
        Assert.That(tiled.TimeTiles, Is.EqualTo(16));
    }

    [Test]
    public void Should_Leave_Mappings_Alone_When_Partial_Sums_Fit_Or_Do_Not_Accumulate()
    {
        var fits = DataflowMapper.Map(new GemmProblem("g", 60, 16, 20), 8, 8, Dataflow.InputStationary);
        var oneRowFold = DataflowMapper.Map(new GemmProblem("g", 1000, 16, 8), 8, 8, Dataflow.WeightStationary);
        var outputStationary = DataflowMapper.Map(new GemmProblem("g", 1000, 16, 20), 8, 8, Dataflow.OutputStationary);
        var scaleSim = DataflowMapper.Map(new GemmProblem("g", 1000, 16, 20), 8, 8, Dataflow.WeightStationary);

        Assert.Multiple(() =>
        {
            Assert.That(TemporalTiling.Apply(fits, Buffers(4096), 32).TimeTiles, Is.EqualTo(1));
            Assert.That(TemporalTiling.Apply(oneRowFold, Buffers(64), 32).TimeTiles, Is.EqualTo(1));
            Assert.That(TemporalTiling.Apply(outputStationary, Buffers(64), 32).TimeTiles, Is.EqualTo(1));
            Assert.That(FoldTimings.For(TimingConvention.ScaleSim).Tile(scaleSim, Buffers(64), 32).TimeTiles, Is.EqualTo(1));
        });
    }
}
