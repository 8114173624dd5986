using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;
using QuantSim.Simulator.ScaleSimCompat;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Tests.ScaleSimCompat;

/// <summary>
/// The emulation's streamed demand (<see cref="ScaleSimFoldDemand"/>, address arithmetic hoisted out
/// of the loops) against the direct whole-layer matrices of <see cref="ScaleSimDemand.Build"/>, which
/// the SCALE-Sim trace tests pin cycle by cycle.
/// </summary>
[TestFixture]
public sealed class ScaleSimFoldDemandTests
{
    public static IEnumerable<TestCaseData> Layers()
    {
        var random = new Random(17);
        foreach (var dataflow in new[] { Dataflow.OutputStationary, Dataflow.WeightStationary, Dataflow.InputStationary })
        {
            // Strided convs whose rounded-up output size makes windows hang over the IFMAP edge, and GEMMs.
            yield return Case(new ConvLayer("edge", 11, 13, 3, 3, 3, 5) { StrideH = 4, StrideW = 4 }, 4, 3, dataflow);
            yield return Case(new GemmLayer("gemm", 9, 7, 5), 4, 4, dataflow);
            for (int i = 0; i < 6; i++)
            {
                int h = random.Next(3, 12), w = random.Next(3, 12), kh = random.Next(1, Math.Min(h, 4) + 1), kw = random.Next(1, Math.Min(w, 4) + 1);
                int stride = random.Next(1, 3);
                var conv = new ConvLayer($"conv{i}", h, w, random.Next(1, 4), kh, kw, random.Next(1, 10)) { StrideH = stride, StrideW = stride };
                yield return Case(conv, random.Next(1, 6), random.Next(1, 6), dataflow);
            }
        }
    }

    [TestCaseSource(nameof(Layers))]
    public void Should_stream_the_same_rows_as_the_whole_layer_matrices(Layer layer, int rows, int cols, Dataflow dataflow)
    {
        // Given a layer mapped for SCALE-Sim on a small array, with SCALE-Sim's IFMAP bounds check on
        var (mapping, address, demand, foldRows) = Mapped(layer, rows, cols, dataflow);

        foreach (var operand in new[] { ScaleSimOperand.Ifmap, ScaleSimOperand.Filter, ScaleSimOperand.Ofmap })
        {
            // When each fold is streamed into a reused buffer (pre-filled with junk it must overwrite)
            var expected = ScaleSimDemand.Build(mapping, address, operand);
            int ports = demand.Ports(operand);
            var buffer = Enumerable.Repeat(int.MaxValue, foldRows * ports).ToArray();
            long f = 0;
            foreach (var fold in mapping.EnumerateFolds())
            {
                demand.Fill(fold, operand, buffer);

                // Then every row equals the corresponding row of the whole matrix
                for (int x = 0; x < foldRows; x++)
                {
                    Assert.That(buffer.AsSpan(x * ports, ports).ToArray(), Is.EqualTo(expected[(f * foldRows) + x]), $"{operand} fold {f} row {x}");
                }

                f++;
            }

            Assert.That(f * foldRows, Is.EqualTo(expected.Length));
        }
    }

    [TestCaseSource(nameof(Layers))]
    public void Should_stream_the_same_rows_a_window_at_a_time(Layer layer, int rows, int cols, Dataflow dataflow)
    {
        // Given the same layers, streamed in windows of 1, 2, 3, 7 and 64 rows (windows that cut every skewed stream,
        // the load rows and the drain rows of a fold somewhere, and one larger than most folds)
        var (mapping, address, demand, foldRows) = Mapped(layer, rows, cols, dataflow);

        foreach (var operand in new[] { ScaleSimOperand.Ifmap, ScaleSimOperand.Filter, ScaleSimOperand.Ofmap })
        {
            var expected = ScaleSimDemand.Build(mapping, address, operand);
            int ports = demand.Ports(operand);
            foreach (int window in new[] { 1, 2, 3, 7, 64 })
            {
                var buffer = Enumerable.Repeat(int.MaxValue, window * ports).ToArray();
                long f = 0;
                foreach (var fold in mapping.EnumerateFolds())
                {
                    for (int first = 0; first < foldRows; first += window)
                    {
                        // When each window is filled into a reused buffer (holding junk, and the last window short)
                        int count = Math.Min(window, foldRows - first);
                        demand.Fill(fold, operand, buffer, first, count);

                        // Then its rows equal the corresponding rows of the whole matrix
                        for (int x = 0; x < count; x++)
                        {
                            Assert.That(buffer.AsSpan(x * ports, ports).ToArray(), Is.EqualTo(expected[(f * foldRows) + first + x]),
                                $"{operand} window {window} fold {f} row {first + x}");
                        }
                    }

                    f++;
                }
            }
        }
    }

    /// <summary>The layer's SCALE-Sim mapping and addressing (IFMAP bounds check on, offsets that keep the operands apart).</summary>
    private static (ArrayMapping Mapping, ScaleSimAddressing Address, ScaleSimFoldDemand Demand, int FoldRows) Mapped(
        Layer layer, int rows, int cols, Dataflow dataflow)
    {
        var problem = ScaleSimLowering.Lower(layer, "demand");
        var mapping = DataflowMapper.Map(problem, new ArrayConfig(rows, cols, dataflow, TimingConvention.ScaleSim));
        var address = (layer is ConvLayer conv ? ScaleSimAddressing.ForConv(conv) : ScaleSimAddressing.ForGemm(problem.M, problem.N, problem.K))
            with { IfmapHeight = layer is ConvLayer c ? c.InputHeight : problem.M, IfmapOffset = 3, FilterOffset = 1000, OfmapOffset = 5000 };
        int foldRows = checked((int)ScaleSimTiming.FoldRows(mapping.Rows, mapping.Cols, mapping.T, mapping.Dataflow));
        return (mapping, address, new ScaleSimFoldDemand(mapping, address), foldRows);
    }

    private static TestCaseData Case(Layer layer, int rows, int cols, Dataflow dataflow) =>
        new TestCaseData(layer, rows, cols, dataflow).SetArgDisplayNames($"{layer}", $"{rows}x{cols}", $"{dataflow}");
}
