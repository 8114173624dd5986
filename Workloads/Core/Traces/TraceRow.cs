using QuantSim.Input;
using QuantSim.Workloads.Layers;
using C = QuantSim.Workloads.Traces.TraceColumns;

namespace QuantSim.Workloads.Traces;

/// <summary>One layer row of a QuantSim trace, checked cell by cell against its kind.</summary>
internal sealed class TraceRow(InputDiagnostics diagnostics, int line, QuantSimTraceReader.Header header, string raw)
{
    private readonly int _errorsBefore = diagnostics.Errors.Count;
    private string[] _fields = [];

    /// <summary>
    /// The layer, or null after recording why not. Columns the row's kind needs but the header
    /// lacks go to <paramref name="missing"/> (reported once, at the header).
    /// </summary>
    public Layer? Read(IDictionary<string, (string Kind, int Line)> missing)
    {
        var fields = CsvText.Fields(raw).ToList();
        if (fields.Count == header.Names.Count + 1 && fields[^1].Length == 0)
        {
            fields.RemoveAt(fields.Count - 1);
        }

        if (fields.Count < header.Names.Count)
        {
            Error(header.Names[fields.Count], $"missing column: the row has {fields.Count} of the header's {header.Names.Count} fields");
            return null;
        }

        if (fields.Count > header.Names.Count)
        {
            Error($"field {header.Names.Count + 1}", $"too many fields: the header names {header.Names.Count} columns");
            return null;
        }

        _fields = fields.ToArray();
        string name = Cell(C.Name);
        string kind = Cell(C.Kind);
        if (name.Length == 0)
        {
            Error(C.Name, "no value given");
        }

        if (!C.Kinds.Contains(kind))
        {
            Error(C.Kind, kind.Length == 0 ? $"no value given; allowed: {string.Join(", ", C.Kinds)}" : $"unknown kind '{kind}'; allowed: {string.Join(", ", C.Kinds)}");
            return null;
        }

        foreach (string column in C.Required(kind).Where(c => !header.Index.ContainsKey(c)))
        {
            missing.TryAdd(column, (kind, line));
        }

        var used = C.Used(kind);
        foreach (string column in header.Names.Where(c => !used.Contains(c) && Cell(c).Length > 0))
        {
            Error(column, $"not used by {kind} layers; leave it empty");
        }

        if (C.Required(kind).Any(c => !header.Index.ContainsKey(c)))
        {
            return null;
        }

        bool bias = Flag(C.Bias, false);
        bool norm = Flag(C.Norm, false);
        Precision? precision = ReadPrecision();
        Layer? layer = kind == C.ConvKind ? Conv(name) : Matrix(kind, name);
        if (layer is null || diagnostics.Errors.Count > _errorsBefore)
        {
            return null;
        }

        layer = layer with { HasBias = bias, HasNormalization = norm, Precision = precision };
        foreach (string problem in layer.Problems())
        {
            // The cell checks above cover every shape rule; this keeps a new rule from slipping through unreported.
            Error(C.Kind, problem);
        }

        return diagnostics.Errors.Count > _errorsBefore ? null : layer;
    }

    private ConvLayer? Conv(string name)
    {
        int? inH = Int(C.InH, 1), inW = Int(C.InW, 1), inC = Int(C.InC, 1);
        int? kH = Int(C.KH, 1), kW = Int(C.KW, 1), filters = Int(C.Filters, 1);
        int? strideH = Int(C.StrideH, 1, 1), strideW = Int(C.StrideW, 1, 1);
        int? padH = Int(C.PadH, 0, 0), padW = Int(C.PadW, 0, 0);
        int? dilationH = Int(C.DilationH, 1, 1), dilationW = Int(C.DilationW, 1, 1);
        int? groups = Int(C.Groups, 1, 1);
        bool ceil = Flag(C.Ceil, false);
        if (diagnostics.Errors.Count > _errorsBefore)
        {
            return null;
        }

        CheckFits(C.KH, kH!.Value, dilationH!.Value, C.DilationH, inH!.Value, C.InH, padH!.Value, C.PadH, "height");
        CheckFits(C.KW, kW!.Value, dilationW!.Value, C.DilationW, inW!.Value, C.InW, padW!.Value, C.PadW, "width");
        if (inC!.Value % groups!.Value != 0 || filters!.Value % groups.Value != 0)
        {
            Error(C.Groups, $"in_c {inC} and filters {filters} must both be divisible by groups {groups}");
        }

        return new ConvLayer(name, inH.Value, inW.Value, inC.Value, kH.Value, kW.Value, filters!.Value)
        {
            StrideH = strideH!.Value, StrideW = strideW!.Value, PadH = padH.Value, PadW = padW.Value,
            DilationH = dilationH.Value, DilationW = dilationW.Value, Groups = groups.Value, CeilMode = ceil,
        };
    }

    private Layer? Matrix(string kind, string name)
    {
        int? m = Int(C.M, 1), n = Int(C.N, 1), k = Int(C.K, 1);
        bool weights = kind == C.GemmKind && Flag(C.Weights, true);
        if (m is null || n is null || k is null)
        {
            return null;
        }

        return kind == C.FullyConnectedKind
            ? new FullyConnectedLayer(name, k.Value, n.Value) { Batch = m.Value }
            : new GemmLayer(name, m.Value, n.Value, k.Value) { WeightsAreParameters = weights };
    }

    private void CheckFits(string kernelColumn, int kernel, int dilation, string dilationColumn, int input, string inputColumn, int pad, string padColumn, string side)
    {
        int extent = (kernel - 1) * dilation + 1;
        if (extent > input + 2 * pad)
        {
            Error(kernelColumn, $"kernel {side} {extent} ({kernelColumn} {kernel}, {dilationColumn} {dilation}) exceeds the padded input {side} {input + 2 * pad} ({inputColumn} {input} + 2 x {padColumn} {pad})");
        }
    }

    private string Cell(string column) => header.Index.TryGetValue(column, out int i) ? _fields[i] : string.Empty;

    /// <summary>A required integer (no default) or an optional one that defaults when the cell is empty.</summary>
    private int? Int(string column, int min, int? fallback = null)
    {
        string text = Cell(column);
        return text.Length == 0 && fallback is not null ? fallback : CsvText.Integer(diagnostics, line, column, text, min);
    }

    private bool Flag(string column, bool fallback)
    {
        switch (Cell(column))
        {
            case "": return fallback;
            case "0": return false;
            case "1": return true;
            default:
                Error(column, $"expected 0 or 1, got '{Cell(column)}'");
                return fallback;
        }
    }

    private Precision? ReadPrecision()
    {
        string text = Cell(C.Precision);
        if (text.Length == 0)
        {
            return null;
        }

        if (Precision.TryParse(text, out var precision, out string error))
        {
            return precision;
        }

        Error(C.Precision, error);
        return null;
    }

    private void Error(string column, string message) => diagnostics.Add(line, 0, column, message);
}
