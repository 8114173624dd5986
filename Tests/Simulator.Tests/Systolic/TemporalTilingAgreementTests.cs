using QuantSim.Simulator.Systolic;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;
using QuantSim.Simulator.Results;
using QuantSim.Simulator.Timing;

namespace QuantSim.Simulator.Tests.Systolic;

/// <summary>
/// Weight- and input-stationary mappings whose streamed dimension is tiled in time: both fidelities
/// must still agree cycle for cycle, the outputs must still equal a plain integer GEMM, and the
/// counted edge traffic must equal the closed form (stationary tiles reloaded once per time tile).
/// </summary>
public sealed class TemporalTilingAgreementTests
{
    private static IEnumerable<TestCaseData> TiledCases()
    {
        var rng = new Random(7_2026);
        for (int i = 0; i < 120; i++)
        {
            var dataflow = i % 2 == 0 ? Dataflow.WeightStationary : Dataflow.InputStationary;
            int r = rng.Next(1, 17), c = rng.Next(1, 17);
            var problem = new GemmProblem($"p{i}", rng.Next(1, 90), rng.Next(1, 90), rng.Next(1, 90), Groups: 1 + i % 5 / 4);
            var mapping = DataflowMapper.Map(problem, r, c, dataflow);
            int tile = rng.Next(1, mapping.T + 1);
            yield return new TestCaseData(mapping with { TemporalTile = tile }, i)
                .SetName($"{i:000} {dataflow} {r}x{c} M{problem.M} N{problem.N} K{problem.K} g{problem.Groups} tile {tile}/{mapping.T}");
        }
    }

    [TestCaseSource(nameof(TiledCases))]
    public void Should_agree_with_the_fast_engine_and_the_reference_gemm(ArrayMapping mapping, int seed)
    {
        var ops = GemmOperands.Random(mapping.Problem, seed);

        var register = RegisterArray.Run(mapping, ops);

        Assert.That(register.Cycles, Is.EqualTo(NativeTiming.Cycles(mapping)), "fast engine vs register-level cycles");
        Assert.That(NativeTiming.Schedule(mapping).TotalCycles, Is.EqualTo(register.Cycles));
        Assert.That(register.Traffic, Is.EqualTo(EdgeTraffic.Of(mapping)), "closed-form vs counted edge traffic");
        var expected = ReferenceGemm.Multiply(ops);
        for (int g = 0; g < mapping.Problem.Groups; g++)
        {
            Assert.That(register.Outputs[g], Is.EqualTo(expected[g]), $"outputs of group {g}");
        }
    }

    [Test]
    public void Should_count_time_tiles_and_reload_stationary_tiles_per_tile()
    {
        // Given WS with T = M = 10 tiled by 4: tiles of 4, 4 and 2
        var problem = new GemmProblem("g", M: 10, N: 3, K: 5);
        var mapping = DataflowMapper.Map(problem, 2, 2, Dataflow.WeightStationary) with { TemporalTile = 4 };

        // Then 3 time tiles x ceil(5/2) = 3 row folds x ceil(3/2) = 2 column folds = 18 folds,
        // and the weights (K x N = 15) cross the top edge once per time tile: 45
        Assert.That(mapping.TimeTiles, Is.EqualTo(3));
        Assert.That(mapping.Folds, Is.EqualTo(18));
        Assert.That(mapping.EnumerateFolds().Select(f => f.UsedTime).Distinct(), Is.EquivalentTo(new[] { 4, 2 }));
        Assert.That(EdgeTraffic.Of(mapping).Top, Is.EqualTo(45));
    }

    [Test]
    public void Should_refuse_time_tiles_for_output_stationary()
    {
        var mapping = DataflowMapper.Map(new GemmProblem("g", 4, 4, 8), 2, 2, Dataflow.OutputStationary);

        Assert.Throws<ArgumentException>(() => _ = mapping with { TemporalTile = 4 });
    }
}
