using QuantSim.Simulator.Config;
using QuantSim.Simulator.Config.ScaleSim;
using QuantSim.Simulator.ScaleSimCompat;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Tests.ScaleSimCompat;

/// <summary>
/// The fold-level CALC emulation (<see cref="ScaleSimCalcFoldSimulation"/>: the write side by row counts, reads taken
/// as sets between moves of the read window, repeated fold sets skipped) against the row-by-row emulation that
/// streams every address through the buffers (<see cref="ScaleSimLayerSimulation.RunRowByRow"/>, which the
/// reference-run tests pin to SCALE-Sim's own reports). SRAMs of a few hundred words make the read windows move
/// many times per layer, inside folds and several times within one fold.
/// </summary>
[TestFixture]
public sealed class ScaleSimCalcFoldSimulationTests
{
    private const int Cases = 240;

    private const string Config = """
        [general]
        run_name = fold
        [architecture_presets]
        ArrayHeight: 4
        ArrayWidth: 4
        IfmapSramSzkB: 1
        FilterSramSzkB: 1
        OfmapSramSzkB: 1
        IfmapOffset: 0
        FilterOffset: 10000000
        OfmapOffset: 20000000
        Bandwidth: 10
        Dataflow: os
        MemoryBanks: 1
        [run_presets]
        InterfaceBandwidth: CALC
        """;

    private static readonly Lazy<IReadOnlyList<Outcome>> Outcomes = new(RunAll);

    public static IEnumerable<TestCaseData> Indices() => Enumerable.Range(0, Cases).Select(i => new TestCaseData(i));

    [TestCaseSource(nameof(Indices))]
    public void Should_report_what_the_row_by_row_emulation_reports(int index)
    {
        // Given a random layer on a random small array with small SRAMs, run both ways
        var outcome = Outcomes.Value[index];

        // Then where SCALE-Sim's row order fails, the fold-level form fails too (the layer is then rerun row by row);
        // elsewhere every field of the layer's report is equal
        if (outcome.RowByRowFailure is not null)
        {
            Assert.That(outcome.FoldFailure, Is.Not.Null, $"{outcome.Name}: the row-by-row run failed ({outcome.RowByRowFailure}), the fold-level one did not");
            return;
        }

        Assert.That(outcome.FoldFailure, Is.Null, outcome.Name);
        Assert.That(outcome.Fold, Is.EqualTo(outcome.RowByRow), outcome.Name);
    }

    [Test]
    public void Should_cover_moving_windows_and_failures()
    {
        // Given the same cases
        var outcomes = Outcomes.Value;
        var reports = outcomes.Where(o => o.RowByRow is not null).Select(o => o.RowByRow!).ToList();

        // Then they include reads fetched again after the window moved and layers SCALE-Sim's CALC estimate cannot run
        // (CALC drains the OFMAP at the array width, which no demand row exceeds, so it never stalls; the write
        // buffer's counted form is checked against its word-by-word form on stalling streams in ScaleSimWriteBufferTests)
        Assert.That(reports.Count(r => r.IfmapDram.Accesses > 2 * r.IfmapSram.Accesses / 3 && r.IfmapDram.Accesses > 2000), Is.GreaterThan(20));
        Assert.That(reports.Count(r => r.FilterDram.Accesses > 2000), Is.GreaterThan(20));
        Assert.That(outcomes.Count(o => o.RowByRowFailure is not null), Is.GreaterThan(3));
    }

    [Test]
    public void Should_report_the_first_failing_layer_as_itself_when_layers_run_side_by_side()
    {
        // Given a case SCALE-Sim's CALC estimate cannot run, placed between two layers it can
        int index = Outcomes.Value.ToList().FindIndex(o => o.RowByRowFailure is not null);
        var failing = RandomCases(new Random(2026)).Skip(index).First();
        var config = ConfigFor(failing.Dataflow, failing.Rows, failing.Cols, failing.Sizes);
        var tiny = new GemmLayer("tiny", 1, 1, 1);
        var topology = new QuantSim.Workloads.Workload("mixed", [tiny, failing.Layer, tiny with { Name = "tiny2" }]);

        // When the topology is run (its layers in parallel)
        // Then the failure is SCALE-Sim's own, not wrapped, with the row-by-row run's message
        var ex = Assert.Throws<ScaleSimInputLimitException>(() => ScaleSimRunner.Run(config, topology));
        Assert.That(ex!.Message, Is.EqualTo(Outcomes.Value[index].RowByRowFailure));
    }

    [Test]
    public void Should_count_the_ofmap_words_of_every_demand_row()
    {
        // Given folds of every dataflow, with partly used arrays
        foreach (var (layer, dataflow, rows, cols, sizes) in RandomCases(new Random(5)).Take(60))
        {
            var setup = ScaleSimLayerSetup.For(0, layer, ConfigFor(dataflow, rows, cols, sizes));
            var demand = new ScaleSimFoldDemand(setup.Mapping, setup.Address);
            int ports = setup.Ports(ScaleSimOperand.Ofmap), foldRows = (int)setup.FoldRows;
            var buffer = new int[foldRows * ports];
            foreach (var fold in setup.Mapping.EnumerateFolds())
            {
                // When the OFMAP demand is generated and counted row by row
                demand.Fill(fold, ScaleSimOperand.Ofmap, buffer);
                var writes = new OfmapRowWrites(setup.Mapping, fold);

                // Then the closed-form count agrees on every row
                for (int w = 0; w < foldRows; w++)
                {
                    int expected = buffer.AsSpan(w * ports, ports).ToArray().Count(a => a != -1);
                    Assert.That(writes.At(w), Is.EqualTo(expected), $"{layer.Name} {dataflow} fold {fold} row {w}");
                }
            }
        }
    }

    private static IReadOnlyList<Outcome> RunAll() =>
        RandomCases(new Random(2026)).Take(Cases).Select((c, i) => Run($"case {i}: {c.Layer} {c.Dataflow} {c.Rows}x{c.Cols} sram {c.Sizes}", c)).ToList();

    private static Outcome Run(string name, (Layer Layer, Dataflow Dataflow, int Rows, int Cols, (long If, long Fi, long Of) Sizes) c)
    {
        var setup = ScaleSimLayerSetup.For(0, c.Layer, ConfigFor(c.Dataflow, c.Rows, c.Cols, c.Sizes));
        var (rowByRow, rowByRowFailure) = Try(() => ScaleSimLayerSimulation.RunRowByRow(setup));
        var (fold, foldFailure) = Try(() => ScaleSimCalcFoldSimulation.Run(setup));
        return new Outcome(name, rowByRow, rowByRowFailure, fold, foldFailure);
    }

    private static (ScaleSimLayerReport? Report, string? Failure) Try(Func<ScaleSimLayerReport> run)
    {
        try
        {
            return (run(), null);
        }
        catch (Exception ex) when (ex is ScaleSimInputLimitException or InvalidOperationException)
        {
            return (null, ex.Message);
        }
    }

    private static IEnumerable<(Layer Layer, Dataflow Dataflow, int Rows, int Cols, (long If, long Fi, long Of) Sizes)> RandomCases(Random random)
    {
        var dataflows = new[] { Dataflow.OutputStationary, Dataflow.WeightStationary, Dataflow.InputStationary };
        for (int i = 0; ; i++)
        {
            Layer layer;
            if (i % 5 == 4)
            {
                layer = new GemmLayer($"gemm{i}", random.Next(1, 60), random.Next(1, 40), random.Next(1, 60));
            }
            else
            {
                // Strides up to 3 with rounded-up outputs, so windows hang over the IFMAP edge (SCALE-Sim's bounds check).
                int h = random.Next(2, 20), w = random.Next(2, 20), kh = random.Next(1, Math.Min(h, 5) + 1), kw = random.Next(1, Math.Min(w, 5) + 1);
                int stride = random.Next(1, 4);
                layer = new ConvLayer($"conv{i}", h, w, random.Next(1, 9), kh, kw, random.Next(1, 24)) { StrideH = stride, StrideW = random.Next(1, 4) };
            }

            // 100 words is the least CALC accepts; a few hundred make its window hold tens of words. Every eighth case
            // is a wide array on the least SRAM, where one demand row can fill the window twice: SCALE-Sim's division
            // by zero.
            bool wide = i % 8 == 7;
            if (wide)
            {
                layer = new GemmLayer($"wide{i}", random.Next(20, 120), random.Next(20, 120), random.Next(20, 120));
            }

            int most = wide ? 200 : 1200;
            var sizes = ((long)random.Next(100, most), (long)random.Next(100, most), (long)random.Next(2, 400));
            var (rows, cols) = wide ? (random.Next(40, 90), random.Next(40, 90)) : (random.Next(1, 9), random.Next(1, 9));
            yield return (layer, dataflows[i % 3], rows, cols, sizes);
        }
    }

    private static ScaleSimConfig ConfigFor(Dataflow dataflow, int rows, int cols, (long If, long Fi, long Of) words)
    {
        var config = ScaleSimConfigReader.Read("fold.cfg", Config);
        var accelerator = config.Accelerator;
        var buffers = accelerator.Buffers;
        return config with
        {
            Accelerator = accelerator with
            {
                Array = accelerator.Array with { Rows = rows, Cols = cols, Dataflow = dataflow },
                Buffers = buffers with
                {
                    Ifmap = buffers.Ifmap with { CapacityBytes = words.If * buffers.Ifmap.WordBits / 8 },
                    Filter = buffers.Filter with { CapacityBytes = words.Fi * buffers.Filter.WordBits / 8 },
                    Ofmap = buffers.Ofmap with { CapacityBytes = words.Of * buffers.Ofmap.WordBits / 8 },
                },
            },
        };
    }

    private sealed record Outcome(string Name, ScaleSimLayerReport? RowByRow, string? RowByRowFailure, ScaleSimLayerReport? Fold, string? FoldFailure);
}
