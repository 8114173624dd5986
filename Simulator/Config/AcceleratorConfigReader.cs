using System.Globalization;
using QuantSim.Datapaths.Contract;
using QuantSim.Input;
using QuantSim.Simulator.Dram;
using QuantSim.Simulator.Memory;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Config;

/// <summary>
/// Reads accelerator YAML strictly: unknown keys, wrong types, missing fields and out-of-range values
/// are all collected and thrown together as one <see cref="InputException"/>, each error carrying
/// the file, line, column and dotted field path. The schema is documented in accel-configs/README.md.
/// </summary>
public sealed class AcceleratorConfigReader(DatapathRegistry datapaths)
{
    private const int MaxArrayDim = 4096;

    private static readonly IReadOnlyDictionary<string, Dataflow> Dataflows = new Dictionary<string, Dataflow>
    {
        ["os"] = Dataflow.OutputStationary,
        ["ws"] = Dataflow.WeightStationary,
        ["is"] = Dataflow.InputStationary,
    };

    private static readonly IReadOnlyDictionary<string, TimingConvention> Timings = new Dictionary<string, TimingConvention>
    {
        ["native"] = TimingConvention.Native,
        ["scalesim"] = TimingConvention.ScaleSim,
    };

    private static readonly IReadOnlyDictionary<string, ClockGating> Gatings = new Dictionary<string, ClockGating>
    {
        ["none"] = ClockGating.None,
        ["idle-pe"] = ClockGating.IdlePe,
    };

    private static readonly string[] DramModels = ["ideal", "simple", "timing"];

    public static AcceleratorConfigReader Default { get; } = new(DatapathRegistry.Default);

    public AcceleratorConfig ReadFile(string path)
    {
        string text;
        try
        {
            text = InputFile.ReadAllText(path, "config file", InputLimits.ConfigBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(new InputError(path, 0, 0, string.Empty, $"cannot read the config file: {ex.Message}"));
        }

        return Read(path, text);
    }

    /// <summary>Parses <paramref name="text"/>; <paramref name="file"/> names it in error messages.</summary>
    public AcceleratorConfig Read(string file, string text)
    {
        var diagnostics = new InputDiagnostics(file);
        var root = YamlSection.Parse(text, diagnostics);
        if (root is null)
        {
            diagnostics.ThrowIfAny();
        }

        string? name = root!.String("name", true, "a short name for this accelerator");
        string? description = root.String("description", false, "free text");
        double? clock = root.Number("clock_mhz", true, 0, 100_000, "clock frequency in MHz");
        var origin = new ConfigOrigin(file);
        var array = ReadArray(root.Section("array", true, "the PE array: rows, cols, dataflow"));
        var buffers = ReadBuffers(root.Section("buffers", true, "the ifmap, filter and ofmap SRAMs"), ref origin);
        var dram = ReadDram(file, root.Section("dram", true, "off-chip memory: model and its parameters"));
        var datapath = ReadDatapath(root.Section("datapath", true, "quantization variant and bit widths"), ref origin);
        var technology = ReadTechnology(root.Section("technology", true, "which cost table prices the activity"), ref origin);
        root.RejectUnknownKeys();
        if (array is not null && buffers is not null && datapath is not null)
        {
            foreach (var problem in BufferFit.Check(array, buffers, datapath.Precision, datapath.Inventory().MacsPerPeCycle))
            {
                diagnostics.AddRange([origin.Locate(problem.Field).Error(problem.Message)]);
            }
        }

        diagnostics.ThrowIfAny();
        return new AcceleratorConfig(name!, description ?? string.Empty, clock!.Value, array!, buffers!, dram!, datapath!, technology!) { Origin = origin };
    }

    private static ArrayConfig? ReadArray(YamlSection? s)
    {
        if (s is null)
        {
            return null;
        }

        int? rows = s.Int("rows", true, 1, MaxArrayDim, "number of PE rows");
        int? cols = s.Int("cols", true, 1, MaxArrayDim, "number of PE columns");
        Dataflow? dataflow = s.Choice("dataflow", true, Dataflows, "which operand stays in the PEs");
        TimingConvention? timing = s.Choice("timing", false, Timings, "fold timing convention") ?? TimingConvention.Native;
        ClockGating? gating = s.Choice("clock_gating", false, Gatings, "which flip-flops are clocked: every one every cycle, or only busy PEs'") ?? ClockGating.None;
        s.RejectUnknownKeys();
        return rows is null || cols is null || dataflow is null || timing is null || gating is null
            ? null
            : new ArrayConfig(rows.Value, cols.Value, dataflow.Value, timing.Value) { ClockGating = gating.Value };
    }

    private static BufferSetConfig? ReadBuffers(YamlSection? s, ref ConfigOrigin origin)
    {
        if (s is null)
        {
            return null;
        }

        var ifmap = ReadBuffer(s.Section("ifmap", true, "input activation SRAM"), ref origin);
        var filter = ReadBuffer(s.Section("filter", true, "weight SRAM"), ref origin);
        var ofmap = ReadBuffer(s.Section("ofmap", true, "output / partial-sum SRAM"), ref origin);
        bool? doubled = s.Boolean("double_buffered", false, "ping-pong halves so loads overlap compute") ?? true;
        s.RejectUnknownKeys();
        return ifmap is null || filter is null || ofmap is null || doubled is null
            ? null
            : new BufferSetConfig(ifmap, filter, ofmap, doubled.Value);
    }

    private static BufferConfig? ReadBuffer(YamlSection? s, ref ConfigOrigin origin)
    {
        if (s is null)
        {
            return null;
        }

        origin = origin.With(s.Locate("capacity_kib"));
        double? kib = s.Number("capacity_kib", true, 0, 1 << 20, "capacity in KiB (1024 bytes)");
        // Up to 16384 bits: a word is the row a design reads per access (TPU v1's accumulator row is 256 x 32 = 8192 bits).
        int? wordBits = s.Int("word_bits", false, 1, 16384, "bits per SRAM word") ?? 8;
        int? banks = s.Int("banks", false, 1, 1024, "independent banks") ?? 1;
        s.RejectUnknownKeys();
        if (kib is null || wordBits is null || banks is null)
        {
            return null;
        }

        double bytes = kib.Value * 1024;
        if (bytes != Math.Floor(bytes))
        {
            s.Error("capacity_kib", $"must be a whole number of bytes, got {kib.Value.ToString(CultureInfo.InvariantCulture)} KiB = {bytes.ToString(CultureInfo.InvariantCulture)} bytes");
            return null;
        }

        // An access is priced at one bank's capacity, so the banks must split the buffer evenly.
        if ((long)bytes % banks.Value != 0)
        {
            s.Error("banks", string.Create(CultureInfo.InvariantCulture, $"must divide the capacity ({(long)bytes} bytes) into equal banks, got {banks.Value}"));
            return null;
        }

        var buffer = new BufferConfig((long)bytes, wordBits.Value, banks.Value);
        if (buffer.CapacityWords < 1)
        {
            s.Error("capacity_kib", string.Create(CultureInfo.InvariantCulture, $"holds no whole word of {wordBits.Value} bits; allowed: at least {wordBits.Value / 8.0 / 1024.0:0.######} KiB"));
            return null;
        }

        return buffer;
    }

    private static DramConfig? ReadDram(string file, YamlSection? s)
    {
        if (s is null)
        {
            return null;
        }

        string? model = s.String("model", true, $"DRAM model: {string.Join(" | ", DramModels)}");
        switch (model)
        {
            case "ideal":
                s.RejectUnknownKeys();
                return new IdealDramConfig();

            case "simple":
            {
                double? bandwidth = s.Number("bandwidth_bytes_per_cycle", true, 0, 1 << 20, "bytes per accelerator cycle");
                int? latency = s.Int("latency_cycles", true, 0, 1_000_000, "cycles from request to first data");
                int? burst = s.Int("burst_bytes", true, 1, 1 << 16, "bytes moved per DRAM burst");
                s.RejectUnknownKeys();
                return bandwidth is null || latency is null || burst is null
                    ? null
                    : new BandwidthDramConfig((decimal)bandwidth.Value, latency.Value, burst.Value);
            }

            case "timing":
            {
                string? set = s.String("timing", true, "a DRAM parameter set: a name in dram/ next to this config (ddr4-2400, lpddr4-3200) or a path");
                PagePolicy? policy = s.Choice("page_policy", false, DramTimingReader.Policies, "override the set's row-buffer policy");
                s.RejectUnknownKeys();
                if (set is null)
                {
                    return null;
                }

                string? path = ResolveDramSet(file, set);
                if (path is null)
                {
                    s.Error("timing", $"no DRAM parameter set '{set}': neither a file nor a name in {Path.Combine(Path.GetDirectoryName(file) ?? ".", "dram")}/");
                    return null;
                }

                try
                {
                    var parameters = DramTimingReader.ReadFile(path);
                    return new TimingDramConfig(policy is { } p ? parameters with { PagePolicy = p } : parameters);
                }
                catch (InputException ex)
                {
                    s.Diagnostics.AddRange(ex.Errors);
                    return null;
                }
            }

            case null:
                return null;

            default:
                s.Error("model", $"unknown value '{model}'; allowed: {string.Join(", ", DramModels)}");
                return null;
        }
    }

    /// <summary>A path (absolute or relative to the config), or a set name in the config's dram/ folder.</summary>
    private static string? ResolveDramSet(string configFile, string set)
    {
        string dir = Path.GetDirectoryName(configFile) ?? string.Empty;
        string[] candidates = [Path.Combine(dir, set), Path.Combine(dir, "dram", set + ".yaml")];
        return candidates.FirstOrDefault(File.Exists);
    }

    private DatapathChoice? ReadDatapath(YamlSection? s, ref ConfigOrigin origin)
    {
        if (s is null)
        {
            return null;
        }

        string? kind = s.String("kind", true, $"a datapath variant: {string.Join(", ", datapaths.Names)}");
        IDatapath? variant = null;
        if (kind is not null && !datapaths.TryGet(kind, out variant))
        {
            s.Error("kind", datapaths.Unknown(kind));
        }

        int? weightBits = s.Int(DatapathProblem.WeightBits, true, Precision.MinBits, Precision.MaxOperandBits, "bits per weight");
        int? activationBits = s.Int(DatapathProblem.ActivationBits, true, Precision.MinBits, Precision.MaxOperandBits, "bits per activation");
        // 'auto' sizes each layer's accumulator to what its dot products need; the config-level checks
        // (buffer fit, pricing) then use the default width, the widest an auto accumulator needs for int8-class layers.
        bool sizeAccumulators = s.IsWord(DatapathProblem.AccumulatorBits, "auto");
        int? accumulatorBits = sizeAccumulators
            ? Precision.DefaultAccumulatorBits
            : s.Int(DatapathProblem.AccumulatorBits, false, Precision.MinBits, Precision.MaxAccumulatorBits, "accumulator width in bits, or auto") ?? 32;
        foreach (string key in new[] { "kind", DatapathProblem.WeightBits, DatapathProblem.ActivationBits, DatapathProblem.AccumulatorBits })
        {
            origin = origin.With(s.Locate(key));
        }

        if (variant is null)
        {
            // Options depend on the variant; without one, unknown-key reports would only add noise.
            return null;
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var option in variant.Options)
        {
            if (s.String(option.Key, false, option.Summary) is { } value)
            {
                options[option.Key] = value;
            }
        }

        s.RejectUnknownKeys();
        if (weightBits is null || activationBits is null || accumulatorBits is null)
        {
            return null;
        }

        var problems = new List<DatapathProblem>();
        var choice = DatapathChoice.TryResolve(variant, options, new Precision(weightBits.Value, activationBits.Value, accumulatorBits.Value), problems);
        if (choice is not null && sizeAccumulators)
        {
            choice = choice with { SizesAccumulators = true };
        }
        foreach (var problem in problems)
        {
            s.Error(problem.Field, problem.Message);
        }

        return choice;
    }

    private static TechnologyConfig? ReadTechnology(YamlSection? s, ref ConfigOrigin origin)
    {
        if (s is null)
        {
            return null;
        }

        origin = origin.With(s.Locate("cost_table"));
        string? table = s.String("cost_table", true, "a built-in cost table name or a path to a cost-table YAML file");
        if (s.Has("dram_energy"))
        {
            origin = origin.With(s.Locate("dram_energy"));
        }

        string? dram = s.String("dram_energy", false, "one of the cost table's DRAM energy options (e.g. lpddr4); the table's default when absent");
        s.RejectUnknownKeys();
        return table is null ? null : new TechnologyConfig(table) { DramEnergy = dram };
    }
}
