using System.Globalization;
using QuantSim.Simulator.ScaleSimCompat;
using QuantSim.Simulator.Timing;

namespace QuantSim.Simulator.Tests.ScaleSimCompat;

/// <summary>
/// Cycle-by-cycle comparison with SCALE-Sim's own trace files (Tests/Fixtures/scalesim/*/layer*/): the
/// cycle stamp of every SRAM demand row (USER runs, where stalls shift them) and of every DRAM trace row
/// (all CALC runs; the OS USER run), in order. Addresses on DRAM rows are not compared: only the timing
/// and counts of DRAM traffic are modelled (the words SCALE-Sim puts on a prefetch row depend on its
/// in-place slicing of the fetch matrix, which no report reads).
/// </summary>
[TestFixture]
public sealed class ScaleSimTraceTests
{
    private static readonly (ScaleSimOperand Operand, string Name)[] Operands =
        [(ScaleSimOperand.Ifmap, "IFMAP"), (ScaleSimOperand.Filter, "FILTER"), (ScaleSimOperand.Ofmap, "OFMAP")];

    private static string Root => Path.Combine(AppContext.BaseDirectory, "Fixtures", "scalesim");

    public static IEnumerable<TestCaseData> TraceFiles() =>
        from run in Directory.GetDirectories(Root, "tiny_*").Order(StringComparer.Ordinal)
        from layer in Directory.GetDirectories(run).Order(StringComparer.Ordinal)
        from file in Directory.GetFiles(layer, "*_TRACE.csv").Order(StringComparer.Ordinal)
        let name = $"{Path.GetFileName(run)} {Path.GetFileName(layer)} {Path.GetFileName(file)}"
        select new TestCaseData(Path.GetFileName(run), int.Parse(Path.GetFileName(layer)["layer".Length..], CultureInfo.InvariantCulture), Path.GetFileName(file))
            .SetName(name);

    [TestCaseSource(nameof(TraceFiles))]
    public void Should_stamp_every_trace_row_with_SCALE_Sims_cycle(string run, int layer, string file)
    {
        // Given SCALE-Sim's trace file of one operand of one layer
        var expected = File.ReadLines(Path.Combine(Root, run, $"layer{layer}", file))
            .Where(l => l.Length > 0)
            .Select(l => (long)double.Parse(l.AsSpan(0, l.IndexOf(',', StringComparison.Ordinal)), CultureInfo.InvariantCulture))
            .ToList();

        // When the run is simulated with a recorder on that layer
        var recorder = new Recorder();
        ScaleSimReferenceRunTests.Simulate(run, i => i == layer ? recorder : null);

        // Then the stamps are SCALE-Sim's, row for row
        var operand = Operands.Single(o => file.StartsWith(o.Name, StringComparison.Ordinal)).Operand;
        var actual = file.Contains("_SRAM_", StringComparison.Ordinal) ? recorder.Sram[operand] : recorder.Dram[operand];
        Assert.That(actual, Is.EqualTo(expected));
    }

    private sealed class Recorder : IScaleSimTraceObserver
    {
        public Dictionary<ScaleSimOperand, List<long>> Sram { get; } = Operands.ToDictionary(o => o.Operand, _ => new List<long>());

        public Dictionary<ScaleSimOperand, List<long>> Dram { get; } = Operands.ToDictionary(o => o.Operand, _ => new List<long>());

        public void SramRow(ScaleSimOperand operand, long stamp, ReadOnlySpan<int> addresses) => Sram[operand].Add(stamp);

        public void DramRows(ScaleSimOperand operand, long firstStamp, long lastStamp)
        {
            for (long c = firstStamp; c <= lastStamp; c++)
            {
                Dram[operand].Add(c);
            }
        }
    }
}
