using QuantSim.Simulator.Systolic;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;
using QuantSim.Simulator.Results;
using QuantSim.Simulator.Timing;

namespace QuantSim.Simulator.Tests.Systolic;

/// <summary>
/// The two fidelities against each other and against a plain GEMM, over random shapes: arrays from
/// 1x1 to 64x64, M, N, K from 1 to 320, groups 1..3, all dataflows, fixed seed.
/// </summary>
[TestFixture]
public sealed class RandomizedAgreementTests
{
    private const int Cases = 510;
    private const int Seed = 20251128;

    // Keeps the suite fast on a loaded 2-core machine: a case may simulate at most this many PE-cycles.
    private const long PeCycleBudget = 1_000_000;

    public static IEnumerable<TestCaseData> RandomCases()
    {
        var rng = new Random(Seed);
        var dataflows = new[] { Dataflow.OutputStationary, Dataflow.WeightStationary, Dataflow.InputStationary };

        // Pinned extremes so the stated ranges are certainly covered, then random draws.
        var pinned = new (int R, int C, int M, int N, int K)[]
        {
            (1, 1, 1, 1, 1), (1, 1, 7, 5, 3), (64, 64, 1, 1, 1), (64, 64, 300, 64, 64), (64, 64, 64, 300, 64),
            (64, 64, 64, 64, 300), (1, 64, 300, 2, 3), (64, 1, 3, 2, 300), (2, 2, 3, 3, 2), (3, 5, 320, 17, 9),
        };
        int produced = 0;
        foreach (var (r, c, m, n, k) in pinned)
        {
            foreach (var df in dataflows)
            {
                yield return Case(produced++, r, c, df, new GemmProblem("pinned", m, n, k));
            }
        }

        while (produced < Cases)
        {
            int r = LogUniform(rng, 64), c = LogUniform(rng, 64);
            var df = dataflows[produced % 3];
            int groups = rng.Next(10) == 0 ? rng.Next(2, 4) : 1;
            var problem = new GemmProblem($"random{produced}", LogUniform(rng, 320), LogUniform(rng, 320), LogUniform(rng, 320), groups);
            var mapping = DataflowMapper.Map(problem, r, c, df);
            if (NativeTiming.Cycles(mapping) * r * c > PeCycleBudget || problem.Macs > 2_000_000)
            {
                continue;
            }

            yield return Case(produced++, r, c, df, problem);
        }
    }

    [TestCaseSource(nameof(RandomCases))]
    public void Should_agree_with_fast_engine_cycles_and_reference_outputs(int r, int c, Dataflow dataflow, GemmProblem problem, int seed)
    {
        // Given random int8-range operands for a random shape
        var ops = GemmOperands.Random(problem, seed);
        var mapping = DataflowMapper.Map(problem, r, c, dataflow);

        // When both fidelities run it
        var register = RegisterArray.Run(mapping, ops);
        long fast = NativeTiming.Cycles(mapping);

        // Then the cycle counts are identical and the outputs equal the plain integer GEMM
        Assert.That(register.Cycles, Is.EqualTo(fast), "fast engine vs register-level cycles");
        Assert.That(NativeTiming.Schedule(mapping).TotalCycles, Is.EqualTo(fast));
        Assert.That(register.Traffic, Is.EqualTo(EdgeTraffic.Of(mapping)), "closed-form vs counted edge traffic");
        var expected = ReferenceGemm.Multiply(ops);
        for (int g = 0; g < problem.Groups; g++)
        {
            Assert.That(register.Outputs[g], Is.EqualTo(expected[g]), $"outputs of group {g}");
        }
    }

    [Test]
    public void Should_generate_at_least_500_cases_covering_the_stated_ranges()
    {
        // Given the generated cases
        var cases = RandomCases().Select(d => d.Arguments).ToList();

        // Then there are enough, over all dataflows, reaching both ends of every range
        Assert.That(cases, Has.Count.GreaterThanOrEqualTo(500));
        Assert.That(cases.Select(a => (Dataflow)a[2]!).Distinct().Count(), Is.EqualTo(3));
        var problems = cases.Select(a => (GemmProblem)a[3]!).ToList();
        Assert.That(cases.Max(a => (int)a[0]!), Is.EqualTo(64));
        Assert.That(cases.Max(a => (int)a[1]!), Is.EqualTo(64));
        Assert.That(problems.Max(p => Math.Max(p.M, Math.Max(p.N, p.K))), Is.GreaterThanOrEqualTo(300));
        Assert.That(problems.Min(p => Math.Min(p.M, Math.Min(p.N, p.K))), Is.EqualTo(1));
    }

    private static TestCaseData Case(int index, int r, int c, Dataflow df, GemmProblem p) =>
        new TestCaseData(r, c, df, p, Seed + index).SetName($"Case{index:D3}_{df}_{r}x{c}_M{p.M}_N{p.N}_K{p.K}_G{p.Groups}");

    private static int LogUniform(Random rng, int max) =>
        Math.Clamp((int)Math.Round(Math.Exp(rng.NextDouble() * Math.Log(max + 0.5))), 1, max);
}
