using System.Collections.Immutable;
using QuantSim.Input;
using QuantSim.Workloads.Layers;

namespace QuantSim.Workloads.Traces;

/// <summary>
/// Reads QuantSim's layer trace: a CSV with a header naming its columns (any order, optional
/// columns may be left out), one layer a row, <c>#</c> comment lines and blank lines ignored. The
/// format is specified in Workloads/TRACES.md. Every problem of the file is reported at once as
/// <c>FILE:LINE: column: message</c>.
/// </summary>
public static class QuantSimTraceReader
{
    /// <summary>Reads a trace file; the workload is named after the file (without extension).</summary>
    public static Workload ReadFile(string path) =>
        Read(path, CsvText.ReadFile(path, "trace file"), Path.GetFileNameWithoutExtension(path));

    /// <summary>Reads trace text; <paramref name="file"/> only labels error messages.</summary>
    public static Workload Read(string file, string text, string workloadName)
    {
        var diagnostics = new InputDiagnostics(file);
        var layers = ImmutableArray.CreateBuilder<Layer>();
        Header? header = null;
        var missing = new SortedDictionary<string, (string Kind, int Line)>(StringComparer.Ordinal);
        foreach (var (line, raw) in CsvText.Lines(text))
        {
            string trimmed = raw.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            if (header is null)
            {
                header = Header.Parse(diagnostics, line, raw);
                continue;
            }

            if (layers.Count == InputLimits.Layers)
            {
                diagnostics.Add(line, 0, string.Empty, LayerLimit.Message);
                break;
            }

            if (header.Valid && new TraceRow(diagnostics, line, header, raw).Read(missing) is { } layer)
            {
                if (LayerLimit.TooManyMacs(layer) is { } tooLarge)
                {
                    diagnostics.Add(line, 0, string.Empty, tooLarge);
                }

                layers.Add(layer);
            }
        }

        foreach (var (column, (kind, line)) in missing)
        {
            diagnostics.Add(header!.Line, 0, column, $"missing column, needed by the {kind} layer on line {line}");
        }

        if (header is null)
        {
            diagnostics.Add(1, 0, string.Empty, $"the trace has no header row; start with e.g. '{string.Join(",", TraceColumns.All)}'");
        }
        else if (layers.Count == 0 && !diagnostics.HasErrors)
        {
            diagnostics.Add(header.Line, 0, string.Empty, "the trace has no layer rows after its header");
        }

        diagnostics.ThrowIfAny();
        return new Workload(workloadName, layers.ToImmutable());
    }

    /// <summary>The header row: column name to field index.</summary>
    internal sealed class Header
    {
        private Header(int line, IReadOnlyList<string> names, IReadOnlyDictionary<string, int> index, bool valid)
        {
            Line = line;
            Names = names;
            Index = index;
            Valid = valid;
        }

        public int Line { get; }

        public IReadOnlyList<string> Names { get; }

        public IReadOnlyDictionary<string, int> Index { get; }

        /// <summary>False when the header itself is broken; rows are then not checked (every one would fail).</summary>
        public bool Valid { get; }

        public static Header Parse(InputDiagnostics diagnostics, int line, string raw)
        {
            var names = CsvText.Fields(raw).ToList();
            if (names.Count > 1 && names[^1].Length == 0)
            {
                names.RemoveAt(names.Count - 1);
            }

            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            bool valid = true;
            for (int i = 0; i < names.Count; i++)
            {
                if (!TraceColumns.All.Contains(names[i]))
                {
                    diagnostics.Add(line, 0, names[i].Length == 0 ? $"field {i + 1}" : names[i], $"unknown column; allowed: {string.Join(", ", TraceColumns.All)}");
                    valid = false;
                }
                else if (!index.TryAdd(names[i], i))
                {
                    diagnostics.Add(line, 0, names[i], "column appears twice in the header; keep one");
                    valid = false;
                }
            }

            foreach (string needed in new[] { TraceColumns.Name, TraceColumns.Kind })
            {
                if (!index.ContainsKey(needed))
                {
                    diagnostics.Add(line, 0, needed, "missing column; every trace needs name and kind");
                    valid = false;
                }
            }

            return new Header(line, names, index, valid);
        }
    }
}
