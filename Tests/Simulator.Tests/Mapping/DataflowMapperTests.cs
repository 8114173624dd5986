using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;

namespace QuantSim.Simulator.Tests.Mapping;

[TestFixture]
public sealed class DataflowMapperTests
{
    // M=100, N=40, K=70 on 32x16:
    //   OS: Sr=M=100 -> 4 row folds (last 4 rows), Sc=N=40 -> 3 col folds (last 8 cols), T=K=70
    //   WS: Sr=K=70 -> 3 (last 6), Sc=N=40 -> 3 (last 8), T=M=100
    //   IS: Sr=K=70 -> 3 (last 6), Sc=M=100 -> 7 (last 4), T=N=40
    [TestCase(Dataflow.OutputStationary, 100, 40, 70, 4, 3, 4, 8)]
    [TestCase(Dataflow.WeightStationary, 70, 40, 100, 3, 3, 6, 8)]
    [TestCase(Dataflow.InputStationary, 70, 100, 40, 3, 7, 6, 4)]
    public void Should_place_dimensions_and_count_folds_per_dataflow(
        Dataflow df, int sr, int sc, int t, int rowFolds, int colFolds, int lastRows, int lastCols)
    {
        var m = DataflowMapper.Map(new GemmProblem("p", 100, 40, 70), 32, 16, df);

        Assert.That((m.Sr, m.Sc, m.T), Is.EqualTo((sr, sc, t)));
        Assert.That((m.RowFolds, m.ColFolds, m.LastFoldRows, m.LastFoldCols), Is.EqualTo((rowFolds, colFolds, lastRows, lastCols)));
        Assert.That(m.Folds, Is.EqualTo(rowFolds * colFolds));
    }

    [Test]
    public void Should_enumerate_folds_column_outer_row_inner_with_partial_tiles_last()
    {
        // Given Sr=5, Sc=3 on a 2x2 array (OS, M=5, N=3), two groups
        var m = DataflowMapper.Map(new GemmProblem("p", 5, 3, 1, Groups: 2), 2, 2, Dataflow.OutputStationary);

        // When folds are enumerated
        var folds = m.EnumerateFolds().ToList();

        // Then per group: (fc0: rows 0-1, 2-3, 4) then (fc1: same rows, 1 column)
        Assert.That(folds, Has.Count.EqualTo(12));
        Assert.That(folds.Take(6).Select(f => (f.RowOffset, f.ColOffset, f.UsedRows, f.UsedCols)), Is.EqualTo(new[]
        {
            (0, 0, 2, 2), (2, 0, 2, 2), (4, 0, 1, 2), (0, 2, 2, 1), (2, 2, 2, 1), (4, 2, 1, 1),
        }));
        Assert.That(folds.Skip(6).All(f => f.Group == 1));
    }

    [Test]
    public void Should_compute_spatial_efficiency_as_the_mean_share_of_used_pes()
    {
        // Given the folds above: used PEs 4,4,2,2,2,1 of 4 -> mean 15/24
        var m = DataflowMapper.Map(new GemmProblem("p", 5, 3, 1), 2, 2, Dataflow.OutputStationary);

        Assert.That(m.SpatialEfficiency, Is.EqualTo(15.0 / 24).Within(1e-12));
        Assert.That(m.SpatialEfficiency, Is.EqualTo(m.EnumerateFolds().Average(f => f.UsedRows * f.UsedCols / 4.0)).Within(1e-12));
    }
}
