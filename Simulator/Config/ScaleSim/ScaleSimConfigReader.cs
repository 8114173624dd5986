using System.Collections.Immutable;
using System.Globalization;
using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.FixedPoint;
using QuantSim.Input;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Config.ScaleSim;

/// <summary>
/// Reads SCALE-Sim v2 config files unchanged (as read by its scale_config.py) into a QuantSim config
/// with <c>timing: scalesim</c>. What SCALE-Sim has no notion of gets fixed, documented values:
/// 1000 MHz clock, 8-bit fixed-point datapath (SCALE-Sim's word is one byte), the 45 nm cost table.
/// CALC bandwidth becomes the ideal DRAM; USER becomes a bandwidth pipe of <c>Bandwidth</c> bytes per
/// cycle with no latency. Unlike SCALE-Sim, bad values are errors: an unknown dataflow or bandwidth
/// mode, a non-number, a missing key, or a key SCALE-Sim v2 does not read.
/// </summary>
public static class ScaleSimConfigReader
{
    private const string General = "general";
    private const string Architecture = "architecture_presets";
    private const string Run = "run_presets";

    private static readonly (string Section, string Key)[] Known =
    [
        (General, "run_name"),
        (Architecture, "arrayheight"), (Architecture, "arraywidth"),
        (Architecture, "ifmapsramszkb"), (Architecture, "filtersramszkb"), (Architecture, "ofmapsramszkb"),
        (Architecture, "ifmapoffset"), (Architecture, "filteroffset"), (Architecture, "ofmapoffset"),
        (Architecture, "dataflow"), (Architecture, "bandwidth"), (Architecture, "memorybanks"),
        (Run, "interfacebandwidth"),
    ];

    private static readonly IReadOnlyDictionary<string, Dataflow> Dataflows = new Dictionary<string, Dataflow>
    {
        ["os"] = Dataflow.OutputStationary,
        ["ws"] = Dataflow.WeightStationary,
        ["is"] = Dataflow.InputStationary,
    };

    public static ScaleSimConfig ReadFile(string path)
    {
        string text;
        try
        {
            text = InputFile.ReadAllText(path, "SCALE-Sim config", InputLimits.ConfigBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(new InputError(path, 0, 0, string.Empty, $"cannot read the SCALE-Sim config: {ex.Message}"));
        }

        return Read(path, text);
    }

    public static ScaleSimConfig Read(string file, string text)
    {
        var diagnostics = new InputDiagnostics(file);
        var ini = IniDocument.Parse(file, text, diagnostics);
        foreach (var entry in ini.Entries.Where(e => !Known.Contains((e.Section, e.Key))))
        {
            diagnostics.Add(entry.Line, 0, $"{entry.Section}.{entry.Key}",
                $"not a SCALE-Sim v2 setting; read are: {string.Join(", ", Known.Select(k => $"[{k.Section}] {k.Key}"))}");
        }

        string name = ini.Get(General, "run_name")?.Value.Trim('"') ?? Path.GetFileNameWithoutExtension(file);
        int? rows = Integer(ini, diagnostics, Architecture, "ArrayHeight", 1, 4096);
        int? cols = Integer(ini, diagnostics, Architecture, "ArrayWidth", 1, 4096);
        int? ifmapKb = Integer(ini, diagnostics, Architecture, "IfmapSramSzkB", 1, 1 << 20);
        int? filterKb = Integer(ini, diagnostics, Architecture, "FilterSramSzkB", 1, 1 << 20);
        int? ofmapKb = Integer(ini, diagnostics, Architecture, "OfmapSramSzkB", 1, 1 << 20);
        long ifmapOffset = Integer(ini, diagnostics, Architecture, "IfmapOffset", 0, int.MaxValue, required: false) ?? 0;
        long filterOffset = Integer(ini, diagnostics, Architecture, "FilterOffset", 0, int.MaxValue, required: false) ?? 10_000_000;
        long ofmapOffset = Integer(ini, diagnostics, Architecture, "OfmapOffset", 0, int.MaxValue, required: false) ?? 20_000_000;
        Dataflow? dataflow = Choice(ini, diagnostics, Architecture, "Dataflow", Dataflows);
        ScaleSimBandwidthMode? mode = Choice(ini, diagnostics, Run, "InterfaceBandwidth", new Dictionary<string, ScaleSimBandwidthMode>
        {
            ["CALC"] = ScaleSimBandwidthMode.Calc,
            ["USER"] = ScaleSimBandwidthMode.User,
        });
        int? bandwidth = FirstBandwidth(ini, diagnostics, mode == ScaleSimBandwidthMode.User);
        diagnostics.ThrowIfAny();

        var array = new ArrayConfig(rows!.Value, cols!.Value, dataflow!.Value, TimingConvention.ScaleSim);
        DramConfig dram = mode == ScaleSimBandwidthMode.User
            ? new BandwidthDramConfig(bandwidth!.Value, 0, 1)
            : new IdealDramConfig();
        var accelerator = new AcceleratorConfig(
            name,
            $"SCALE-Sim v2 config {Path.GetFileName(file)}",
            1000,
            array,
            new BufferSetConfig(Buffer(ifmapKb!.Value), Buffer(filterKb!.Value), Buffer(ofmapKb!.Value), DoubleBuffered: true),
            dram,
            ScaleSimDatapath,
            new TechnologyConfig("horowitz-45nm")) { Origin = new ConfigOrigin(file) };
        return new ScaleSimConfig(accelerator, mode!.Value, bandwidth ?? 0, ifmapOffset, filterOffset, ofmapOffset);
    }

    /// <summary>
    /// SCALE-Sim models no quantization: its words are bytes, so the array is priced as plain 8-bit fixed point.
    /// </summary>
    private static readonly DatapathChoice ScaleSimDatapath = DatapathChoice.Of(new FixedPointDatapath(), Precision.W8A8);

    /// <summary>SCALE-Sim sizes are kB of one-byte words: <c>SzkB * 1024</c> words.</summary>
    private static BufferConfig Buffer(int kb) => new(kb * 1024L, 8, 1);

    private static int? Integer(IniDocument ini, InputDiagnostics diagnostics, string section, string key, int min, int max, bool required = true)
    {
        var entry = ini.Get(section, key);
        if (entry is null)
        {
            if (required)
            {
                diagnostics.Add(ini.SectionLine(section), 0, $"{section}.{key}", $"required setting is missing{NoSection(ini, section)}");
            }

            return null;
        }

        if (!int.TryParse(entry.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            diagnostics.Add(entry.Line, 0, $"{section}.{key}", $"expected an integer, got '{entry.Value}'");
            return null;
        }

        if (value < min || value > max)
        {
            diagnostics.Add(entry.Line, 0, $"{section}.{key}", $"must be between {min} and {max}, got {value}");
            return null;
        }

        return value;
    }

    private static T? Choice<T>(IniDocument ini, InputDiagnostics diagnostics, string section, string key, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        var entry = ini.Get(section, key);
        if (entry is null)
        {
            diagnostics.Add(ini.SectionLine(section), 0, $"{section}.{key}", $"required setting is missing{NoSection(ini, section)}; allowed: {string.Join(", ", choices.Keys)}");
            return null;
        }

        if (choices.TryGetValue(entry.Value, out var value))
        {
            return value;
        }

        diagnostics.Add(entry.Line, 0, $"{section}.{key}", $"unknown value '{entry.Value}'; allowed: {string.Join(", ", choices.Keys)}");
        return null;
    }

    /// <summary>A missing setting is reported on its section's header line, or on line 1 when the whole section is missing.</summary>
    private static string NoSection(IniDocument ini, string section) =>
        ini.HasSection(section) ? string.Empty : $" (the file has no [{section}] section)";

    /// <summary>SCALE-Sim parses Bandwidth as a comma list and uses only its first value, in USER mode only.</summary>
    private static int? FirstBandwidth(IniDocument ini, InputDiagnostics diagnostics, bool required)
    {
        var entry = ini.Get(Architecture, "Bandwidth");
        if (entry is null)
        {
            if (required)
            {
                diagnostics.Add(ini.SectionLine(Architecture), 0, $"{Architecture}.bandwidth", $"required with InterfaceBandwidth: USER (words per cycle){NoSection(ini, Architecture)}");
            }

            return null;
        }

        string first = entry.Value.Split(',')[0].Trim();
        if (!int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out int words) || words <= 0)
        {
            diagnostics.Add(entry.Line, 0, $"{Architecture}.bandwidth", $"expected a positive integer (words per cycle), got '{entry.Value}'");
            return null;
        }

        return words;
    }
}
