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
public static class CostTableReader
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

    public static CostTable ReadFile(string path)
    {
        string text;
        try
        {
            text = System.IO.File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(new InputError(path, 0, 0, string.Empty, $"cannot read the cost table: {ex.Message}"));
        }

        return Read(path, text);
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
        root.RejectUnknownKeys();
        diagnostics.ThrowIfAny();

        return new CostTable(name!, file, node!.Value, description ?? string.Empty, extrapolate, context.Sources,
            adder!, multiplier!, shifter!, comparator!, mux2!, clamp!, register!, sram!, sramArea!, dram!, bitComposable!, leakage!);
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

    private static ScaledFamily? ReadFamily(YamlSection? s, string name, Context context)
    {
        if (s is null)
        {
            return null;
        }

        var law = s.Choice("law", true, Laws, "linear, product or n_log2_n");
        string? lawSource = ReadSourceText(s, context);
        int? minBits = s.Int("min_bits", true, 1, 1024, "narrowest width the table must price");
        int? maxBits = s.Int("max_bits", true, 1, 1024, "widest width the table must price");
        var points = new List<(ScaledPoint? Point, YamlSection Item)>();
        foreach (var (item, _) in Elements(s, "points", "width, energy_pj, area_um2, kind, source"))
        {
            int? a, b;
            if (law == ScalingLaw.Product)
            {
                a = item.Int("a_bits", true, 0, 1024, "first operand width");
                b = item.Int("b_bits", true, 0, 1024, "second operand width");
            }
            else
            {
                a = b = item.Int("bits", true, 0, 1024, "width");
            }

            double? energy = NonNegative(item, "energy_pj", "energy per operation in pJ", MaxEnergyPj);
            double? area = NonNegative(item, "area_um2", "area of one unit in um^2", MaxAreaUm2);
            var provenance = ReadProvenance(item, context);
            item.RejectUnknownKeys();
            points.Add((a is null || b is null || energy is null || area is null || provenance is null
                ? null
                : new ScaledPoint(a.Value, b.Value, energy.Value, area.Value, provenance), item));
        }

        s.RejectUnknownKeys();
        if (law is null || minBits is null || maxBits is null || points.Count == 0 || points.Any(p => p.Point is null))
        {
            return null;
        }

        return CheckFamily(s, name, law.Value, lawSource, minBits.Value, maxBits.Value, points!, context);
    }

    private static ScaledFamily? CheckFamily(YamlSection s, string name, ScalingLaw law, string? lawSource, int minBits, int maxBits,
        List<(ScaledPoint Point, YamlSection Item)> points, Context context)
    {
        int errors = s.Diagnostics.Errors.Count;
        if (minBits > maxBits)
        {
            s.Error("max_bits", $"must be at least min_bits ({minBits}), got {maxBits}");
        }

        if (points.Count < 2)
        {
            s.Error("points", "needs at least two points to interpolate between (e.g. the origin and one quoted width)");
        }

        for (int i = 1; i < points.Count; i++)
        {
            var (previous, current) = (points[i - 1].Point, points[i].Point);
            double x0 = ScalingLaws.Size(law, previous.ABits, previous.BBits);
            double x1 = ScalingLaws.Size(law, current.ABits, current.BBits);
            if (x1 <= x0)
            {
                points[i].Item.Error(law == ScalingLaw.Product ? "a_bits" : "bits",
                    $"points must grow in width: {ScalingLaws.Describe(law, current.ABits, current.BBits)} does not come after {ScalingLaws.Describe(law, previous.ABits, previous.BBits)}");
            }
            else if (current.EnergyPj < previous.EnergyPj)
            {
                points[i].Item.Error("energy_pj",
                    $"energy falls from {Text(previous.EnergyPj)} pJ at {ScalingLaws.Describe(law, previous.ABits, previous.BBits)} to {Text(current.EnergyPj)} pJ at {ScalingLaws.Describe(law, current.ABits, current.BBits)}; a wider unit cannot cost less, so the interpolation would not be monotone");
            }
        }

        var first = points[0].Point;
        var last = points[^1].Point;
        if (ScalingLaws.Size(law, minBits, minBits) < ScalingLaws.Size(law, first.ABits, first.BBits))
        {
            s.Error("points",
                $"width gap: the narrowest point is {ScalingLaws.Describe(law, first.ABits, first.BBits)} but min_bits is {minBits}, so widths below it cannot be interpolated; add a point at or below {minBits} bits (e.g. 0 bits at 0 pJ) or raise min_bits");
        }

        if (ScalingLaws.Size(law, maxBits, maxBits) > ScalingLaws.Size(law, last.ABits, last.BBits))
        {
            s.Error("points",
                $"width gap: the widest point is {ScalingLaws.Describe(law, last.ABits, last.BBits)} but max_bits is {maxBits}, so widths above it cannot be interpolated; add a point at or above {maxBits} bits or lower max_bits");
        }

        if (s.Diagnostics.Errors.Count > errors || lawSource is null)
        {
            return null;
        }

        return new ScaledFamily(name, law, lawSource, minBits, maxBits, points.Select(p => p.Point).ToList(), context.File, s.Line);
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

    private static Mux2Costs? ReadMux2(YamlSection? s, Context context)
    {
        var energy = ReadValue(s, "energy", "pj_per_bit", "energy per bit in pJ", MaxEnergyPj, context);
        var area = ReadValue(s, "area", "um2_per_bit", "area per bit in um^2", MaxAreaUm2, context);
        s?.RejectUnknownKeys();
        return energy is null || area is null ? null : new Mux2Costs(energy, area);
    }

    private static ClampRule? ReadClamp(YamlSection? s, Context context)
    {
        if (s is null)
        {
            return null;
        }

        int? comparators = s.Int("comparators", true, 0, 16, "n-bit comparisons per clamp");
        int? mux2 = s.Int("mux2", true, 0, 16, "n-bit 2:1 selections per clamp");
        var provenance = ReadProvenance(s, context);
        s.RejectUnknownKeys();
        return comparators is null || mux2 is null || provenance is null ? null : new ClampRule(comparators.Value, mux2.Value, provenance);
    }

    private static RegisterCosts? ReadRegister(YamlSection? s, Context context)
    {
        var write = ReadValue(s, "write", "pj_per_bit", "capture energy per bit in pJ", MaxEnergyPj, context);
        var read = ReadValue(s, "read", "pj_per_bit", "read energy per bit in pJ", MaxEnergyPj, context);
        var clock = ReadValue(s, "clock", "pj_per_bit", "clock energy per bit per cycle in pJ", MaxEnergyPj, context);
        var area = ReadValue(s, "area", "um2_per_bit", "area per bit in um^2", MaxAreaUm2, context);
        s?.RejectUnknownKeys();
        return write is null || read is null || clock is null || area is null ? null : new RegisterCosts(write, read, clock, area);
    }

    private static SramEnergyTable? ReadSram(YamlSection? s, Context context)
    {
        if (s is null)
        {
            return null;
        }

        string? lawSource = ReadSourceText(s, context);
        var points = new List<SramPoint>();
        bool bad = false;
        foreach (var (item, _) in Elements(s, "points", "capacity_bytes, word_bits, read_pj, write_pj, kind, source"))
        {
            long? capacity = item.Integer("capacity_bytes", true, 1, long.MaxValue, "capacity of one bank in bytes");
            int? width = item.Int("word_bits", true, 1, 4096, "bits per access");
            double? read = Positive(item, "read_pj", "energy of one word read in pJ", "SRAM energies are interpolated on a log scale");
            double? write = Positive(item, "write_pj", "energy of one word write in pJ", "SRAM energies are interpolated on a log scale");
            var provenance = ReadProvenance(item, context);
            item.RejectUnknownKeys();
            if (capacity is null || width is null || read is null || write is null || provenance is null)
            {
                bad = true;
                continue;
            }

            if (points.Any(p => p.CapacityBytes == capacity && p.WordBits == width))
            {
                item.Error("capacity_bytes", $"a point for {capacity} bytes with {width}-bit words is already listed; keep one");
                bad = true;
                continue;
            }

            var previous = points.Where(p => p.WordBits == width && p.CapacityBytes < capacity).MaxBy(p => p.CapacityBytes);
            if (previous is not null && (read < previous.ReadPj || write < previous.WritePj))
            {
                item.Error("read_pj", $"energy falls from the {previous.CapacityBytes}-byte point of the same word width; a larger array cannot cost less per access");
                bad = true;
            }

            points.Add(new SramPoint(capacity.Value, width.Value, read.Value, write.Value, provenance));
        }

        s.RejectUnknownKeys();
        if (points.Count == 0 && !bad)
        {
            s.Error("points", "needs at least one point");
        }

        return bad || points.Count == 0 || lawSource is null ? null : new SramEnergyTable(points, lawSource, context.File, s.Line);
    }

    private static SramAreaTable? ReadSramArea(YamlSection? s, Context context)
    {
        if (s is null)
        {
            return null;
        }

        string? lawSource = ReadSourceText(s, context);
        var points = new List<SramAreaPoint>();
        bool bad = false;
        foreach (var (item, _) in Elements(s, "points", "capacity_bytes, area_um2, kind, source"))
        {
            long? capacity = item.Integer("capacity_bytes", true, 1, long.MaxValue, "capacity in bytes");
            double? area = Positive(item, "area_um2", "area in um^2", "SRAM areas are interpolated on a log scale");
            var provenance = ReadProvenance(item, context);
            item.RejectUnknownKeys();
            if (capacity is null || area is null || provenance is null)
            {
                bad = true;
                continue;
            }

            if (points.Count > 0 && capacity <= points[^1].CapacityBytes)
            {
                item.Error("capacity_bytes", $"points must grow in capacity: {capacity} bytes does not come after {points[^1].CapacityBytes} bytes");
                bad = true;
                continue;
            }

            points.Add(new SramAreaPoint(capacity.Value, area.Value, provenance));
        }

        s.RejectUnknownKeys();
        if (!bad && points.Count < 2)
        {
            s.Error("points", "needs at least two points to interpolate between");
            bad = true;
        }

        return bad || lawSource is null ? null : new SramAreaTable(points, lawSource, context.File, s.Line);
    }

    private static DramCosts? ReadDram(YamlSection? s, Context context)
    {
        if (s is null)
        {
            return null;
        }

        string? defaultName = s.String("default", true, "the option used unless another is named");
        var options = new List<DramOption>();
        bool bad = false;
        foreach (var (item, _) in Elements(s, "options", "name, pj_per_bit, kind, source"))
        {
            string? name = item.String("name", true, "a short name such as lpddr4");
            double? pj = NonNegative(item, "pj_per_bit", "energy per bit transferred in pJ", MaxEnergyPj);
            var provenance = ReadProvenance(item, context);
            item.RejectUnknownKeys();
            if (name is null || pj is null || provenance is null)
            {
                bad = true;
                continue;
            }

            if (options.Any(o => o.Name == name))
            {
                item.Error("name", $"option '{name}' is already listed; keep one");
                bad = true;
                continue;
            }

            options.Add(new DramOption(name, pj.Value, provenance));
        }

        s.RejectUnknownKeys();
        if (!bad && defaultName is not null && options.All(o => o.Name != defaultName))
        {
            s.Error("default", $"'{defaultName}' is not one of the options: {string.Join(", ", options.Select(o => o.Name))}");
            bad = true;
        }

        return bad || defaultName is null ? null : new DramCosts(defaultName, options);
    }

    private static BitComposableMacCost? ReadBitComposable(YamlSection? s, Context context)
    {
        if (s is null)
        {
            return null;
        }

        int? brick = s.Int("brick_bits", true, 1, 64, "operand bits of one brick");
        int? bricks = s.Int("bricks", true, 1, 65536, "bricks in one unit");
        int? maxBits = s.Int("max_bits", true, 1, 64, "widest operand the unit takes");
        double? energy = NonNegative(s, "energy_per_cycle_pj", "dynamic energy of the whole unit per busy cycle in pJ", MaxEnergyPj);
        double? area = NonNegative(s, "area_um2", "area of one unit in um^2", MaxAreaUm2);
        var provenance = ReadProvenance(s, context);
        s.RejectUnknownKeys();
        if (brick is null || bricks is null || maxBits is null || energy is null || area is null || provenance is null)
        {
            return null;
        }

        int needed = (maxBits.Value + brick.Value - 1) / brick.Value;
        if (needed * needed > bricks)
        {
            s.Error("bricks", $"a {maxBits}-bit x {maxBits}-bit product needs {needed * needed} bricks of {brick} bits, but the unit has {bricks}");
            return null;
        }

        return new BitComposableMacCost(brick.Value, bricks.Value, maxBits.Value, energy.Value, area.Value, provenance);
    }

    private static LeakageCosts? ReadLeakage(YamlSection? s, Context context)
    {
        var logic = ReadValue(s, "logic", "nw_per_um2", "logic leakage in nW per um^2", 1e9, context);
        var sram = ReadValue(s, "sram", "pw_per_bit", "SRAM leakage in pW per bit", 1e9, context);
        s?.RejectUnknownKeys();
        return logic is null || sram is null ? null : new LeakageCosts(logic, sram);
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
