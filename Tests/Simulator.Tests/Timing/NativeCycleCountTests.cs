using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;
using QuantSim.Simulator.Timing;

namespace QuantSim.Simulator.Tests.Timing;

/// <summary>
/// The fast engine's cycle count skips repeated folds (<see cref="NativeTiming.Cycles"/>); the schedule
/// that visits every fold (<see cref="NativeTiming.Schedule"/>, itself equal to the register-level array
/// in <c>RandomizedAgreementTests</c>) is the reference. The shapes have up to hundreds of folds per loop
/// level, so that the skipping is what is tested, and times near the array's size, where the WS/IS
/// recurrence takes longest to settle.
/// </summary>
[TestFixture]
public sealed class NativeCycleCountTests
{
    private const int Seed = 20261203;

    public static IEnumerable<TestCaseData> RandomMappings()
    {
        var rng = new Random(Seed);
        var dataflows = new[] { Dataflow.OutputStationary, Dataflow.WeightStationary, Dataflow.InputStationary };
        for (int i = 0; i < 240; i++)
        {
            var dataflow = dataflows[i % 3];
            int rows = LogUniform(rng, 256), cols = LogUniform(rng, 256);
            int rowFolds = LogUniform(rng, 300), colFolds = LogUniform(rng, 60);
            int sr = ((rowFolds - 1) * rows) + rng.Next(1, rows + 1);
            int sc = ((colFolds - 1) * cols) + rng.Next(1, cols + 1);

            // A third of the streams are within a few cycles of R or C, where the WS/IS phase settles slowest.
            int near = i % 2 == 0 ? rows : cols;
            int t = rng.Next(3) == 0 ? Math.Max(1, near + rng.Next(-3, 4)) : LogUniform(rng, 600);
            int groups = rng.Next(5) == 0 ? rng.Next(2, 5) : 1;
            var mapping = new ArrayMapping(new GemmProblem($"random{i}", 1, 1, 1, groups), rows, cols, dataflow, sr, sc, t);
            if (dataflow != Dataflow.OutputStationary && rng.Next(3) == 0)
            {
                mapping = mapping with { TemporalTile = rng.Next(1, t + 1) };
            }

            if (mapping.Folds <= 200_000)
            {
                yield return new TestCaseData(mapping).SetName($"{dataflow} {rows}x{cols}, Sr {sr} Sc {sc} T {t}/{mapping.TemporalTile}, {groups} groups, {mapping.Folds} folds");
            }
        }
    }

    [TestCaseSource(nameof(RandomMappings))]
    public void Should_equal_the_fold_by_fold_schedule(ArrayMapping mapping) =>
        Assert.That(NativeTiming.Cycles(mapping), Is.EqualTo(NativeTiming.Schedule(mapping).TotalCycles));

    // OS, all folds full, T = 5 < R = 8: s_f = 8f (the output port), E_f = s_f + T + R + C - 2, so the
    // count is 8(F-1) + 5 + 8 + 8 - 1 = 8F + 12. 3 groups of 10^5 x 10^4 folds: F = 3e9.
    [Test]
    public void Should_count_three_billion_output_stationary_folds_by_hand()
    {
        var mapping = new ArrayMapping(new GemmProblem("os", 1, 1, 1, Groups: 3), 8, 8, Dataflow.OutputStationary, 8 * 100_000, 8 * 10_000, 5);
        Assert.That(NativeTiming.Cycles(mapping), Is.EqualTo((8 * 3_000_000_000L) + 12));
    }

    // WS, R = C = 16, T = 100 >= R: s_0 = 1, L_0 = 0 and by induction L_f = (f-1)T + R, s_f = 1 + fT
    // (L_{f+1} = max(L_f + R, s_f + C - 1) = fT + R, s_{f+1} = max(s_f + T, L_{f+1} + 1) = 1 + (f+1)T).
    // E_f = s_f + T + R + C - 2, so the count is 1 + (F-1)T + T + 2R - 2 + 1 = FT + 2R. F = 10^10 folds.
    [Test]
    public void Should_count_ten_billion_weight_stationary_folds_by_hand()
    {
        var mapping = new ArrayMapping(new GemmProblem("ws", 1, 1, 1), 16, 16, Dataflow.WeightStationary, 16 * 100_000, 16 * 100_000, 100);
        Assert.That(NativeTiming.Cycles(mapping), Is.EqualTo((100 * 10_000_000_000L) + 32));
    }

    private static int LogUniform(Random rng, int max) => (int)Math.Round(Math.Exp(rng.NextDouble() * Math.Log(max)));
}
