using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace QuantSim.Cli.Tests.Fuzz;

/// <summary>
/// The fuzz suite of issue 16: a seeded mutation corpus over every input kind, run in-process
/// through the CLI's entry point, with zero contract violations allowed (see <see cref="FuzzContract"/>).
/// CI runs <see cref="DefaultCases"/> cases; <c>QUANTSIM_FUZZ_CASES=100000</c> runs a longer
/// campaign, <c>QUANTSIM_FUZZ_SEED</c> moves the seeds (case i uses seed base + i), and
/// <c>QUANTSIM_FUZZ_JOBS</c> sets how many cases run at once, <c>QUANTSIM_FUZZ_KEEP=1</c>
/// keeps the inputs of violating cases, <c>QUANTSIM_FUZZ_START=N</c> starts at case N (so a long
/// campaign runs as resumable chunks: case i has the same seed and kind in any chunk), and
/// <c>QUANTSIM_FUZZ_LOG=FILE</c> appends a line as each case begins and ends, so the case in flight
/// when a test host dies is known. docs/robustness/README.md has the measured runs.
/// </summary>
[NonParallelizable]
public sealed class FuzzTests
{
    private const int DefaultCases = 2000;

    [Test]
    public void Should_Keep_The_Input_Contract_On_Every_Mutated_Input()
    {
        int cases = Environment("QUANTSIM_FUZZ_CASES", DefaultCases);
        int baseSeed = Environment("QUANTSIM_FUZZ_SEED", 16);
        int start = Environment("QUANTSIM_FUZZ_START", 0);
        int jobs = Environment("QUANTSIM_FUZZ_JOBS", System.Environment.ProcessorCount);
        bool keep = Environment("QUANTSIM_FUZZ_KEEP", 0) == 1;
        using var log = FuzzLog.Open(System.Environment.GetEnvironmentVariable("QUANTSIM_FUZZ_LOG"));
        string root = Path.Combine(Path.GetTempPath(), $"quantsim-fuzz-{Guid.NewGuid():N}");
        var kinds = Enum.GetValues<FuzzKind>();
        var outcomes = new ConcurrentBag<FuzzOutcome>();
        var clock = Stopwatch.StartNew();
        try
        {
            var corpus = FuzzCorpus.Create(Path.Combine(root, "corpus"));
            Parallel.For(start, start + cases, new ParallelOptions { MaxDegreeOfParallelism = jobs }, i =>
            {
                // Kinds take turns, so every kind gets cases/8 whatever the count.
                var kind = kinds[i % kinds.Length];
                string directory = Path.Combine(root, i.ToString(CultureInfo.InvariantCulture));
                log.Begin(i, baseSeed + i, kind);
                var outcome = new FuzzCase(corpus, kind, baseSeed + i).Run(directory);
                log.End(i, outcome);
                outcomes.Add(outcome);
                if (keep && outcome.Violations.Count > 0)
                {
                    TestContext.Progress.WriteLine($"fuzz: seed {outcome.Seed} ({kind}) kept in {directory}");
                }
                else
                {
                    Directory.Delete(directory, recursive: true);
                }
                if (outcomes.Count % 10_000 == 0)
                {
                    TestContext.Progress.WriteLine($"fuzz: {outcomes.Count} of {cases} cases, {clock.Elapsed.TotalSeconds:0} s, {outcomes.Count(o => o.Violations.Count > 0)} contract violations so far");
                }
            });
        }
        finally
        {
            if (!keep)
            {
                Directory.Delete(root, recursive: true);
            }
        }

        var violations = outcomes.Where(o => o.Violations.Count > 0).OrderBy(o => o.Seed).ToList();
        TestContext.Progress.WriteLine(
            $"fuzz: {outcomes.Count} cases (seeds {baseSeed + start}..{baseSeed + start + cases - 1}) in {clock.Elapsed.TotalSeconds:0.0} s with {jobs} jobs: " +
            $"{outcomes.Count(o => o.Accepted)} accepted, {outcomes.Count(o => !o.Accepted)} rejected, {violations.Count} contract violations");
        foreach (var group in outcomes.GroupBy(o => o.Kind).OrderBy(g => g.Key))
        {
            TestContext.Progress.WriteLine($"fuzz:   {group.Key,-17} {group.Count(),6} cases, {group.Count(o => o.Accepted),6} accepted ({group.Count(o => o.ReadOnly)} read, too large to simulate), {group.Count(o => o.Violations.Count > 0)} violations, {group.Average(o => o.Elapsed.TotalMilliseconds),5:0} ms a case, slowest {group.Max(o => o.Elapsed.TotalMilliseconds),6:0} ms (seed {group.MaxBy(o => o.Elapsed)!.Seed})");
        }

        // The first few of each kind: one kind's flood must not hide another's.
        Assert.That(violations.GroupBy(v => v.Kind).SelectMany(g => g.Take(3)).SelectMany(v => v.Violations.Select(text => $"seed {v.Seed} ({v.Kind}): {text}")), Is.Empty);
    }

    /// <summary>A non-negative integer knob (0 counts only where 0 is the fallback).</summary>
    private static int Environment(string name, int fallback) =>
        int.TryParse(System.Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out int value) && (value > 0 || fallback == 0) ? value : fallback;
}
