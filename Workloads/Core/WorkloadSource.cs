using QuantSim.Input;
using QuantSim.Workloads.Onnx;
using QuantSim.Workloads.Traces;
using QuantSim.Workloads.Zoo;

namespace QuantSim.Workloads;

/// <summary>
/// Turns what a user typed where a workload is expected into a workload: a zoo name
/// (case-insensitive), an ONNX model (<c>.onnx</c>), a SCALE-Sim topology CSV, or a QuantSim layer trace. The two CSV formats
/// are told apart by content: a QuantSim trace starts with a <c>#</c> comment or has a
/// <c>kind</c> column in its header; anything else is read as SCALE-Sim's.
/// </summary>
public static class WorkloadSource
{
    public static Workload Resolve(string nameOrPath)
    {
        if (ModelZoo.TryGet(nameOrPath, out var workload))
        {
            return workload;
        }

        // A directory goes to the reader too, which says it is one instead of "no such file".
        if (File.Exists(nameOrPath) || Directory.Exists(nameOrPath))
        {
            return ReadFile(nameOrPath);
        }

        throw new InputException(new InputError(nameOrPath, 0, 0, string.Empty,
            $"no zoo workload or file of that name; zoo: {string.Join(", ", ModelZoo.Names)}; or give an ONNX model (.onnx) or a SCALE-Sim topology or QuantSim trace .csv path"));
    }

    /// <summary>Reads an ONNX model (by its extension) or a file in whichever of the two CSV formats it is.</summary>
    public static Workload ReadFile(string path)
    {
        if (IsOnnx(path))
        {
            return OnnxModelReader.ReadFile(path).Workload;
        }

        string text = CsvText.ReadFile(path, "workload file");
        string name = Path.GetFileNameWithoutExtension(path);
        return IsQuantSimTrace(text)
            ? QuantSimTraceReader.Read(path, text, name)
            : ScaleSimTopologyReader.Read(path, text, name);
    }

    /// <summary>ONNX models are binary protobuf with no magic number, so the extension tells them apart.</summary>
    public static bool IsOnnx(string path) => path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase);

    public static bool IsQuantSimTrace(string text)
    {
        string first = CsvText.Lines(text).Select(l => l.Text.Trim()).FirstOrDefault(l => l.Length > 0) ?? string.Empty;
        return first.StartsWith('#') || CsvText.Fields(first).Contains(TraceColumns.Kind);
    }
}
