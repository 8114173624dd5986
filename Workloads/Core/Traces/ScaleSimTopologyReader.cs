using System.Collections.Immutable;
using QuantSim.Input;
using QuantSim.Workloads.Layers;

namespace QuantSim.Workloads.Traces;

/// <summary>
/// Reads SCALE-Sim v2 topology CSVs as SCALE-Sim's <c>topology_utils</c> interprets them, so users
/// bring their files unchanged and get SCALE-Sim's layer shapes:
/// <list type="bullet">
/// <item>the first line is a header; its columns <c>Layer, M, N, K</c> select the GEMM form,
/// anything else the convolution form (or pass the form, like SCALE-Sim's <c>-i</c>);</item>
/// <item>blank lines are skipped; a trailing comma ends a row. A row without one loses its last
/// field in SCALE-Sim (<c>row.split(',')[:-1]</c>); when the row has more fields than the form
/// needs it is dropped here too (the shipped <c>alexnet_part.csv</c> row <c>...,4,1</c> means
/// stride 4), otherwise it is kept;</item>
/// <item>convolution rows: name, IFMAP height and width, filter height and width, channels, filters,
/// stride, and an optional column stride (default: the stride). No padding; the ofmap is
/// <c>ceil((H - F + S) / S)</c>, hence <see cref="ConvLayer.CeilMode"/>. A name containing
/// <c>DP</c> is depthwise (SCALE-Sim splits it into one layer per channel): groups = channels,
/// filters = channels x Num Filter;</item>
/// <item>GEMM rows: name, M, N, K; the B operand counts as weights.</item>
/// </list>
/// Errors read <c>FILE:LINE: column: message</c> with SCALE-Sim's column names.
/// </summary>
public static class ScaleSimTopologyReader
{
    public static readonly ImmutableArray<string> ConvColumns =
        ["Layer name", "IFMAP Height", "IFMAP Width", "Filter Height", "Filter Width", "Channels", "Num Filter", "Strides", "Column Strides"];

    public static readonly ImmutableArray<string> GemmColumns = ["Layer", "M", "N", "K"];

    private const int ConvRequired = 8;

    /// <summary>Reads a topology file; the workload is named after the file (without extension).</summary>
    public static Workload ReadFile(string path, ScaleSimForm? form = null) =>
        Read(path, CsvText.ReadFile(path, "topology file"), Path.GetFileNameWithoutExtension(path), form);

    /// <summary>Reads topology text; <paramref name="file"/> only labels error messages.</summary>
    public static Workload Read(string file, string text, string workloadName, ScaleSimForm? form = null)
    {
        var diagnostics = new InputDiagnostics(file);
        var layers = ImmutableArray.CreateBuilder<Layer>();
        ScaleSimForm? chosen = form;
        foreach (var (line, raw) in CsvText.Lines(text))
        {
            if (line == 1)
            {
                chosen ??= DetectForm(raw);
                continue;
            }

            if (raw.Trim().Length == 0)
            {
                continue;
            }

            if (layers.Count == InputLimits.Layers)
            {
                diagnostics.Add(line, 0, string.Empty, LayerLimit.Message);
                break;
            }

            Layer? layer = chosen == ScaleSimForm.Gemm ? GemmRow(diagnostics, line, raw) : ConvRow(diagnostics, line, raw);
            if (layer is not null)
            {
                if (LayerLimit.TooManyMacs(layer) is { } tooLarge)
                {
                    diagnostics.Add(line, 0, string.Empty, tooLarge);
                }

                layers.Add(layer);
            }
        }

        if (layers.Count == 0 && !diagnostics.HasErrors)
        {
            diagnostics.Add(1, 0, string.Empty, "the topology has no layer rows (the first line is the header)");
        }

        diagnostics.ThrowIfAny();
        return new Workload(workloadName, layers.ToImmutable());
    }

    /// <summary>The GEMM form when the header's columns after the name are M, N, K; else convolution.</summary>
    public static ScaleSimForm DetectForm(string header)
    {
        var names = CsvText.Fields(header).Where(f => f.Length > 0).Skip(1).ToArray();
        return names.Length == 3 && names.Zip(GemmColumns.Skip(1)).All(p => string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase))
            ? ScaleSimForm.Gemm
            : ScaleSimForm.Conv;
    }

    private static string[]? RowFields(InputDiagnostics diagnostics, int line, string raw, ImmutableArray<string> columns, int required)
    {
        var fields = CsvText.Fields(raw).ToList();
        if (fields[^1].Length == 0 || fields.Count > required)
        {
            fields.RemoveAt(fields.Count - 1);
        }

        if (fields.Count < required)
        {
            diagnostics.Add(line, 0, columns[fields.Count], $"missing column: the row has {fields.Count} of the {required} fields");
            return null;
        }

        if (fields.Count > columns.Length)
        {
            diagnostics.Add(line, 0, $"field {columns.Length + 1}", $"too many fields: a row has at most {columns.Length} ({string.Join(", ", columns)})");
            return null;
        }

        if (fields[0].Length == 0)
        {
            diagnostics.Add(line, 0, columns[0], "no value given");
            return null;
        }

        return fields.ToArray();
    }

    private static ConvLayer? ConvRow(InputDiagnostics diagnostics, int line, string raw)
    {
        if (RowFields(diagnostics, line, raw, ConvColumns, ConvRequired) is not { } f)
        {
            return null;
        }

        int?[] v = new int?[f.Length];
        for (int i = 1; i < f.Length; i++)
        {
            v[i] = CsvText.Integer(diagnostics, line, ConvColumns[i], f[i], 1);
        }

        if (v.Skip(1).Any(x => x is null))
        {
            return null;
        }

        int height = v[1]!.Value, width = v[2]!.Value, kernelH = v[3]!.Value, kernelW = v[4]!.Value;
        int channels = v[5]!.Value, filters = v[6]!.Value, stride = v[7]!.Value;
        int strideW = f.Length > ConvRequired ? v[8]!.Value : stride;
        bool fits = true;
        if (kernelH > height)
        {
            diagnostics.Add(line, 0, ConvColumns[3], $"filter height {kernelH} is larger than the IFMAP height {height} (SCALE-Sim topologies have no padding)");
            fits = false;
        }

        if (kernelW > width)
        {
            diagnostics.Add(line, 0, ConvColumns[4], $"filter width {kernelW} is larger than the IFMAP width {width} (SCALE-Sim topologies have no padding)");
            fits = false;
        }

        // A stride past the IFMAP moves the filter off the input after one step; SCALE-Sim's address
        // arithmetic with such strides overflows (a stride of 2^31-1 made negative cycle counts).
        if (stride > height)
        {
            diagnostics.Add(line, 0, ConvColumns[7], $"stride {stride} is larger than the IFMAP height {height}; at most the height");
            fits = false;
        }

        if (strideW > width)
        {
            diagnostics.Add(line, 0, f.Length > ConvRequired ? ConvColumns[8] : ConvColumns[7], $"column stride {strideW} is larger than the IFMAP width {width}; at most the width");
            fits = false;
        }

        if (!fits)
        {
            return null;
        }

        bool depthwise = f[0].Contains("DP", StringComparison.Ordinal);
        return new ConvLayer(f[0], height, width, channels, kernelH, kernelW, depthwise ? channels * filters : filters)
        {
            StrideH = stride, StrideW = strideW, CeilMode = true, Groups = depthwise ? channels : 1,
        };
    }

    private static GemmLayer? GemmRow(InputDiagnostics diagnostics, int line, string raw)
    {
        if (RowFields(diagnostics, line, raw, GemmColumns, GemmColumns.Length) is not { } f)
        {
            return null;
        }

        int? m = CsvText.Integer(diagnostics, line, "M", f[1], 1);
        int? n = CsvText.Integer(diagnostics, line, "N", f[2], 1);
        int? k = CsvText.Integer(diagnostics, line, "K", f[3], 1);
        return m is null || n is null || k is null ? null : new GemmLayer(f[0], m.Value, n.Value, k.Value);
    }
}
