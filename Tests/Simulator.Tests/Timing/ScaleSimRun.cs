using System.Globalization;
using QuantSim.Simulator.Config;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Tests.Timing;

/// <summary>One SCALE-Sim v2 reference run in Fixtures/scalesim: its config, topology and reports.</summary>
internal sealed record ScaleSimRun(string Name, int Rows, int Cols, Dataflow Dataflow, IReadOnlyList<Layer> Layers, IReadOnlyList<string[]> ComputeReport)
{
    public static string Root => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "scalesim");

    public string Folder => Path.Combine(Root, Name);

    public static IEnumerable<string> Names() =>
        Directory.GetDirectories(Path.Combine(AppContext.BaseDirectory, "Fixtures", "scalesim"), "tiny_*").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static ScaleSimRun Load(string name)
    {
        string folder = Path.Combine(Root, name);
        var cfg = File.ReadAllLines(Directory.GetFiles(folder, "*.cfg").Single())
            .Select(l => l.Split([':', '='], 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p[1].Trim());
        var dataflow = cfg["dataflow"] switch
        {
            "os" => Dataflow.OutputStationary,
            "ws" => Dataflow.WeightStationary,
            _ => Dataflow.InputStationary,
        };

        var topology = File.ReadAllLines(Directory.GetFiles(folder, "tiny_*.csv").Single()).Where(l => l.Trim().Length > 0).ToList();
        bool gemm = topology[0].Replace(" ", string.Empty, StringComparison.Ordinal).StartsWith("Layer,M,N,K", StringComparison.Ordinal);
        var layers = topology.Skip(1).Select(line =>
        {
            // SCALE-Sim drops the field after the last comma.
            var f = line.Split(',')[..^1];
            int I(int x) => int.Parse(f[x].Trim(), CultureInfo.InvariantCulture);
            return gemm
                ? (Layer)new GemmLayer(f[0], I(1), I(2), I(3))
                : new ConvLayer(f[0], I(1), I(2), I(5), I(3), I(4), I(6)) { StrideH = I(7), StrideW = I(7) };
        }).ToList();

        var report = File.ReadAllLines(Path.Combine(folder, "COMPUTE_REPORT.csv")).Skip(1)
            .Select(l => l.Split(',').Select(s => s.Trim()).ToArray()).ToList();
        return new ScaleSimRun(name, int.Parse(cfg["arrayheight"], CultureInfo.InvariantCulture),
            int.Parse(cfg["arraywidth"], CultureInfo.InvariantCulture), dataflow, layers, report);
    }

    /// <summary>shared/reference/scalesim next to the clone (CI) or next to any folder above it.</summary>
    private static string? SharedReference()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            string shared = Path.Combine(dir.FullName, "shared", "reference", "scalesim");
            if (Directory.Exists(shared))
            {
                return shared;
            }
        }

        return null;
    }

    public ArrayConfig Array => new(Rows, Cols, Dataflow, TimingConvention.ScaleSim);

    public long ReportedTotal(int layer) => long.Parse(ComputeReport[layer][1], CultureInfo.InvariantCulture);

    public long ReportedStalls(int layer) => long.Parse(ComputeReport[layer][2], CultureInfo.InvariantCulture);

    public double Reported(int layer, int column) => double.Parse(ComputeReport[layer][column], CultureInfo.InvariantCulture);

    /// <summary>Where a trace is: the fixtures, or (large traces) shared/ next to the clone; null if neither.</summary>
    public string? TracePath(int layer, string file)
    {
        string path = Path.Combine(Folder, $"layer{layer}", file);
        if (File.Exists(path))
        {
            return path;
        }

        path = Path.Combine(SharedReference() ?? string.Empty, Name, $"layer{layer}", file);
        return File.Exists(path) ? path : null;
    }

    /// <summary>A trace as (cycle stamp, ports) rows, or null when the fixture does not hold it.</summary>
    public List<(long Cycle, int[] Ports)>? Trace(int layer, string file)
    {
        if (TracePath(layer, file) is not { } path)
        {
            return null;
        }

        return File.ReadAllLines(path).Where(l => l.Length > 0).Select(l =>
        {
            var cells = l.Split(',');
            return ((long)double.Parse(cells[0], CultureInfo.InvariantCulture),
                cells.Skip(1).Where(x => x.Length > 0).Select(x => (int)double.Parse(x, CultureInfo.InvariantCulture)).ToArray());
        }).ToList();
    }
}
