using System.Collections.Concurrent;
using System.Globalization;
using QuantSim.Input;

namespace QuantSim.Energy.Costs;

/// <summary>
/// Reads a cost table from YAML as strictly as accelerator configs are read: unknown keys, wrong
/// types, missing sources, negative energies, widths the points cannot cover and energies that fall
/// as the width grows are all collected and thrown together as one <see cref="InputException"/>,
/// each error located by file, line and column. The schema is documented in Energy/COSTS.md and
/// by the built-in table Energy/Tables/horowitz-45nm.yaml.
/// </summary>
public static partial class CostTableReader
{
    private const double MaxEnergyPj = 1e12;
    private const double MaxAreaUm2 = 1e12;

    private static readonly IReadOnlyDictionary<string, EntryKind> Kinds = new Dictionary<string, EntryKind>
    {
        ["quoted"] = EntryKind.Quoted,
        ["derived"] = EntryKind.Derived,
        ["interpolated"] = EntryKind.Interpolated,
    };

    private static readonly IReadOnlyDictionary<string, ScalingLaw> Laws = new Dictionary<string, ScalingLaw>
    {
        ["linear"] = ScalingLaw.Linear,
        ["product"] = ScalingLaw.Product,
        ["n_log2_n"] = ScalingLaw.NLog2N,
    };

    /// <summary>
    /// Tables already parsed, by path and exact text: a sweep or study prices many points with one table,
    /// and the table is immutable, so it is parsed once per content, not once per point.
    /// </summary>
    private static readonly ConcurrentDictionary<(string Path, string Text), CostTable> Parsed = new();

    public static CostTable ReadFile(string path)
    {
        string text;
        try
        {
            text = InputFile.ReadAllText(path, "cost table", InputLimits.CostTableBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(new InputError(path, 0, 0, string.Empty, $"cannot read the cost table: {ex.Message}"));
        }

        if (Parsed.TryGetValue((path, text), out var table))
        {
            return table;
        }

        table = Read(path, text);
        Parsed.TryAdd((path, text), table);
        return table;
    }

    /// <summary>Parses <paramref name="text"/>; <paramref name="file"/> names it in error messages.</summary>
    public static CostTable Read(string file, string text)
    {
        var diagnostics = new InputDiagnostics(file);
        var root = YamlSection.Parse(text, diagnostics);
        if (root is null)
        {
            diagnostics.ThrowIfAny();
        }

        var context = new Context(file, ReadSources(root!.Section("sources", true, "source IDs and their full citations")));
        string? name = root.String("name", true, "the table's name, e.g. horowitz-45nm");
        int? node = root.Int("node_nm", true, 1, 1000, "technology node in nm");
        string? description = root.String("description", false, "free text");
        bool extrapolate = root.Boolean("allow_extrapolation", false, "extend end segments beyond the table's range") ?? false;
        var adder = ReadFamily(root.Section("adder", true, "integer adders by width"), "adder", context);
        var multiplier = ReadFamily(root.Section("multiplier", true, "integer multipliers by operand widths"), "multiplier", context);
        var shifter = ReadFamily(root.Section("shifter", true, "barrel shifters by width"), "shifter", context);
        var comparator = ReadFamily(root.Section("comparator", true, "comparators by width"), "comparator", context);
        var mux2 = ReadMux2(root.Section("mux2", true, "2:1 multiplexer per bit"), context);
        var clamp = ReadClamp(root.Section("clamp", true, "how a clamp is built"), context);
        var register = ReadRegister(root.Section("register", true, "flip-flop costs per bit"), context);
        var sram = ReadSram(root.Section("sram", true, "SRAM access energies by capacity and word width"), context);
        var sramArea = ReadSramArea(root.Section("sram_area", true, "SRAM area by capacity"), context);
        var dram = ReadDram(root.Section("dram", true, "DRAM energy per bit"), context);
        var bitComposable = ReadBitComposable(root.Section("bit_composable_mac", true, "bit-composable MAC unit"), context);
        var leakage = ReadLeakage(root.Section("leakage", true, "static power densities"), context);
        var floatingPoint = ReadFloatingPoint(root.Section("floating_point", false, "floating-point adders and multipliers by format"), context);
        root.RejectUnknownKeys();
        diagnostics.ThrowIfAny();

        return new CostTable(name!, file, node!.Value, description ?? string.Empty, extrapolate, context.Sources,
            adder!, multiplier!, shifter!, comparator!, mux2!, clamp!, register!, sram!, sramArea!, dram!, bitComposable!, leakage!)
        {
            FloatingPoint = floatingPoint!,
        };
    }

    private sealed record Context(string File, IReadOnlyDictionary<string, string> Sources);

    private static SortedDictionary<string, string> ReadSources(YamlSection? s)
    {
        var sources = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (s is null)
        {
            return sources;
        }

        foreach (string id in s.Keys.ToList())
        {
            if (s.String(id, true, "full citation of this source") is { } citation)
            {
                sources[id] = citation;
            }
        }

        s.RejectUnknownKeys();
        return sources;
    }

    /// <summary>Reads <c>source</c> and <c>kind</c>; the source must cite one of the table's source IDs.</summary>
    private static Provenance? ReadProvenance(YamlSection s, Context context)
    {
        string? source = ReadSourceText(s, context);
        var kind = s.Choice("kind", true, Kinds, "quoted, derived or interpolated");
        return source is null || kind is null ? null : new Provenance(source, kind.Value, s.Line);
    }

    private static string? ReadSourceText(YamlSection s, Context context)
    {
        string? source = s.String("source", true, "where the number comes from: a source ID plus the table, figure or derivation");
        if (source is null || context.Sources.Count == 0)
        {
            return source;
        }

        var tokens = source.Split((char[])[' ', ',', ';', ':', '(', ')', '.', '\'', '"', '/', '='], StringSplitOptions.RemoveEmptyEntries);
        if (!tokens.Any(context.Sources.ContainsKey))
        {
            s.Error("source", $"cites none of the table's sources; name one of: {string.Join(", ", context.Sources.Keys)}");
            return null;
        }

        return source;
    }

    private static double? NonNegative(YamlSection s, string key, string what, double max)
    {
        double? value = s.Number(key, true, double.NegativeInfinity, max, what);
        if (value < 0)
        {
            s.Error(key, $"must not be negative, got {value.Value.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        return value;
    }

    private static double? Positive(YamlSection s, string key, string what, string why)
    {
        double? value = NonNegative(s, key, what, MaxEnergyPj);
        if (value == 0)
        {
            s.Error(key, $"must be greater than 0 ({why})");
            return null;
        }

        return value;
    }

    private static IEnumerable<(YamlSection Item, int Index)> Elements(YamlSection s, string key, string what)
    {
        var nodes = s.Sequence(key, true, what) ?? [];
        for (int i = 0; i < nodes.Count; i++)
        {
            if (s.Element(nodes[i], $"{s.FieldPath(key)}[{i}]", what) is { } item)
            {
                yield return (item, i);
            }
        }
    }

    private static SourcedValue? ReadValue(YamlSection? parent, string key, string valueKey, string what, double max, Context context)
    {
        if (parent?.Section(key, true, what) is not { } s)
        {
            return null;
        }

        double? value = NonNegative(s, valueKey, what, max);
        var provenance = ReadProvenance(s, context);
        s.RejectUnknownKeys();
        return value is null || provenance is null ? null : new SourcedValue(value.Value, provenance);
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
