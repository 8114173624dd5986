using System.Text;
using QuantSim.Workloads.Layers;
using C = QuantSim.Workloads.Traces.TraceColumns;

namespace QuantSim.Workloads.Traces;

/// <summary>
/// Writes a workload as a QuantSim layer trace that <see cref="QuantSimTraceReader"/> reads back to
/// an equal workload. Only the columns some layer needs are written (an all-convolution trace has
/// no m, n, k), in the order of <see cref="TraceColumns.All"/>.
/// </summary>
public static class QuantSimTraceWriter
{
    public static string Write(Workload workload)
    {
        var rows = workload.Layers.Select(Cells).ToList();
        var columns = C.All.Where(c => c is C.Name or C.Kind || rows.Any(r => r.ContainsKey(c))).ToList();
        var text = new StringBuilder();
        text.Append("# QuantSim layer trace: ").Append(workload.Name).Append(", ")
            .Append(CsvText.Number(workload.Layers.Length)).Append(" layers (format: Workloads/TRACES.md)\n");
        text.Append(string.Join(",", columns)).Append('\n');
        foreach (var row in rows)
        {
            text.Append(string.Join(",", columns.Select(c => row.GetValueOrDefault(c, string.Empty)))).Append('\n');
        }

        return text.ToString();
    }

    public static void WriteFile(string path, Workload workload) => File.WriteAllText(path, Write(workload));

    /// <summary>The non-default cells of one layer's row.</summary>
    private static Dictionary<string, string> Cells(Layer layer)
    {
        if (layer.Name.Contains(',') || layer.Name.Contains('\n') || layer.Name.Trim() != layer.Name || layer.Name.StartsWith('#') || layer.Name.Length == 0)
        {
            throw new NotSupportedException($"layer name '{layer.Name}' cannot be written to a trace (empty, starts with '#', has a comma, line break or surrounding spaces)");
        }

        var cells = new Dictionary<string, string>(StringComparer.Ordinal) { [C.Name] = layer.Name };
        switch (layer)
        {
            case ConvLayer conv:
                cells[C.Kind] = C.ConvKind;
                Put(cells, C.InH, conv.InputHeight);
                Put(cells, C.InW, conv.InputWidth);
                Put(cells, C.InC, conv.InputChannels);
                Put(cells, C.KH, conv.KernelHeight);
                Put(cells, C.KW, conv.KernelWidth);
                Put(cells, C.Filters, conv.Filters);
                Put(cells, C.StrideH, conv.StrideH, 1);
                Put(cells, C.StrideW, conv.StrideW, 1);
                Put(cells, C.PadH, conv.PadH, 0);
                Put(cells, C.PadW, conv.PadW, 0);
                Put(cells, C.DilationH, conv.DilationH, 1);
                Put(cells, C.DilationW, conv.DilationW, 1);
                Put(cells, C.Groups, conv.Groups, 1);
                Put(cells, C.Ceil, conv.CeilMode ? 1 : 0, 0);
                break;
            case FullyConnectedLayer fc:
                cells[C.Kind] = C.FullyConnectedKind;
                Put(cells, C.M, fc.Batch);
                Put(cells, C.N, fc.OutputFeatures);
                Put(cells, C.K, fc.InputFeatures);
                break;
            case GemmLayer gemm:
                cells[C.Kind] = C.GemmKind;
                Put(cells, C.M, gemm.M);
                Put(cells, C.N, gemm.N);
                Put(cells, C.K, gemm.K);
                Put(cells, C.Weights, gemm.WeightsAreParameters ? 1 : 0, 1);
                break;
            default:
                throw new NotSupportedException($"layer '{layer.Name}' of type {layer.GetType().Name} has no trace form");
        }

        Put(cells, C.Bias, layer.HasBias ? 1 : 0, 0);
        Put(cells, C.Norm, layer.HasNormalization ? 1 : 0, 0);
        if (layer.Precision is { } precision)
        {
            cells[C.Precision] = precision.Spec;
        }

        return cells;
    }

    private static void Put(Dictionary<string, string> cells, string column, int value, int? defaultValue = null)
    {
        if (value != defaultValue)
        {
            cells[column] = CsvText.Number(value);
        }
    }
}
