using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;
using QuantSim.Simulator.Systolic;
using QuantSim.Simulator.Timing;

namespace QuantSim.Simulator.Tests.Systolic;

/// <summary>
/// The output-stationary register array split into row blocks that run on their own threads: any block count
/// gives the one-block run's cycles, outputs and edge counts, and those equal the fast engine's and a plain GEMM's.
/// </summary>
[TestFixture]
public sealed class RowBlockTests
{
    // Odd row counts (blocks of unequal height), fewer used rows than array rows (a block with nothing to do),
    // several folds per tile row, groups.
    [TestCase(16, 16, 40, 20, 30, 1)]
    [TestCase(17, 5, 33, 12, 7, 1)]
    [TestCase(32, 32, 10, 64, 50, 1)]
    [TestCase(9, 3, 100, 8, 3, 2)]
    [TestCase(64, 8, 70, 9, 5, 3)]
    public void Should_give_the_one_block_result_with_any_number_of_blocks(int rows, int cols, int m, int n, int k, int groups)
    {
        var problem = new GemmProblem("blocks", m, n, k, groups);
        var ops = GemmOperands.Random(problem, rows * 1000 + cols);
        var mapping = DataflowMapper.Map(problem, rows, cols, Dataflow.OutputStationary);
        var one = new OutputStationaryArray(mapping, ops).Run(1);
        var expected = ReferenceGemm.Multiply(ops);

        Assert.That(one.Cycles, Is.EqualTo(NativeTiming.Cycles(mapping)));
        for (int g = 0; g < groups; g++)
        {
            Assert.That(one.Outputs[g], Is.EqualTo(expected[g]), $"one block, group {g}");
        }

        foreach (int blocks in new[] { 2, 3, rows })
        {
            var split = new OutputStationaryArray(mapping, ops).Run(blocks);
            Assert.That(split.Cycles, Is.EqualTo(one.Cycles), $"{blocks} blocks");
            Assert.That(split.Traffic, Is.EqualTo(one.Traffic), $"{blocks} blocks");
            Assert.That(split.PeUpdates, Is.EqualTo(one.PeUpdates), $"{blocks} blocks");
            for (int g = 0; g < groups; g++)
            {
                Assert.That(split.Outputs[g], Is.EqualTo(one.Outputs[g]), $"{blocks} blocks, group {g}");
            }
        }
    }
}
