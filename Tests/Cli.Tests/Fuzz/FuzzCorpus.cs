using System.Collections.Immutable;

namespace QuantSim.Cli.Tests.Fuzz;

/// <summary>
/// The unmutated seeds, one list per <see cref="FuzzKind"/>: the shipped configs, DRAM sets and
/// cost table, the example traces, the SCALE-Sim fixtures, a result.json made by simulate, and
/// sweep axes. Configs name their DRAM set by absolute path so a mutated copy in any directory
/// still finds it; a one-layer SCALE-Sim topology keeps each simulation short.
/// </summary>
internal sealed class FuzzCorpus
{
    private FuzzCorpus(string root) => Root = root;

    public string Root { get; }

    /// <summary>default.yaml, readable from any directory.</summary>
    public string DefaultConfig { get; private init; } = string.Empty;

    /// <summary>default.yaml's array, on which workload cases count their folds.</summary>
    public QuantSim.Simulator.Config.ArrayConfig DefaultArray { get; private init; } = null!;

    /// <summary>A one-layer SCALE-Sim topology: the workload of every config-side case.</summary>
    public string TinyWorkload { get; private init; } = string.Empty;

    /// <summary>A SCALE-Sim config that runs every topology case.</summary>
    public string ScaleSimConfig { get; private init; } = string.Empty;

    /// <summary>The result file compare cases are compared with.</summary>
    public string BaseResult { get; private init; } = string.Empty;

    public ImmutableDictionary<FuzzKind, ImmutableArray<string>> Seeds { get; private init; } = ImmutableDictionary<FuzzKind, ImmutableArray<string>>.Empty;

    public static FuzzCorpus Create(string root)
    {
        string bin = TestContext.CurrentContext.TestDirectory;
        string configs = Path.Combine(bin, "accel-configs");
        string scaleSim = Path.Combine(bin, "Fixtures", "scalesim");
        Directory.CreateDirectory(root);

        string Absolute(string text) => text.Replace("timing: lpddr4-3200", $"timing: {Path.Combine(configs, "dram", "lpddr4-3200.yaml")}", StringComparison.Ordinal);
        var configTexts = Directory.GetFiles(configs, "*.yaml").Order(StringComparer.Ordinal).Select(f => Absolute(File.ReadAllText(f))).ToImmutableArray();
        string defaultConfig = Path.Combine(root, "default.yaml");
        File.WriteAllText(defaultConfig, Absolute(File.ReadAllText(Path.Combine(configs, "default.yaml"))));

        // Topologies only: the reference runs' reports and per-layer traces are CSV too.
        var topologies = Directory.GetFiles(scaleSim, "*.csv", SearchOption.AllDirectories)
            .Where(f => File.ReadLines(f).FirstOrDefault()?.StartsWith("Layer", StringComparison.OrdinalIgnoreCase) == true)
            .DistinctBy(File.ReadAllText).Order(StringComparer.Ordinal).ToList();
        string tiny = topologies.First(f => f.EndsWith("tiny_conv.csv", StringComparison.Ordinal));
        string cfg = Directory.GetFiles(Path.Combine(scaleSim, "tiny_conv_8x8_os"), "*.cfg").Single();

        string resultDir = Path.Combine(root, "base-result");
        var run = CliRun.Of("simulate", "--config", defaultConfig, "--workload", tiny, "--out", resultDir);
        Assert.That(run.ExitCode, Is.EqualTo(0), $"the base result for compare cases: {run.Error}");

        return new FuzzCorpus(root)
        {
            DefaultConfig = defaultConfig,
            DefaultArray = new QuantSim.Simulator.Config.AcceleratorConfigReader(QuantSim.Datapaths.Contract.DatapathRegistry.Default).ReadFile(defaultConfig).Array,
            TinyWorkload = tiny,
            ScaleSimConfig = cfg,
            BaseResult = Path.Combine(resultDir, "result.json"),
            Seeds = new Dictionary<FuzzKind, ImmutableArray<string>>
            {
                [FuzzKind.Config] = configTexts,
                [FuzzKind.DramSet] = [.. Directory.GetFiles(Path.Combine(configs, "dram"), "*.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllText)],
                [FuzzKind.CostTable] = [File.ReadAllText(Path.Combine(bin, "Tables", "horowitz-45nm.yaml"))],
                [FuzzKind.Trace] = [.. Directory.GetFiles(Path.Combine(bin, "Fixtures", "traces"), "*.csv").Order(StringComparer.Ordinal).Select(File.ReadAllText)],
                [FuzzKind.ScaleSimConfig] = [.. Directory.GetFiles(scaleSim, "*.cfg", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText)],
                [FuzzKind.ScaleSimTopology] = [.. topologies.Select(File.ReadAllText)],
                [FuzzKind.ResultFile] = [File.ReadAllText(Path.Combine(resultDir, "result.json"))],
                [FuzzKind.SweepArguments] =
                [
                    "array.rows=8,16", "array.cols=4,32", "array.dataflow=os,ws,is", "buffers.ifmap.capacity_kib=16,256",
                    "datapath.kind=lsq,fixed-point", "datapath.weight_bits=4,8", "technology.cost_table=horowitz-45nm",
                    "dram.model=ideal", "clock_mhz=500,1000", "buffers.double_buffered=true,false",
                ],
            }.ToImmutableDictionary(),
        };
    }
}
