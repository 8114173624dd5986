using QuantSim.Input;

namespace QuantSim.Energy.Costs;

/// <summary>Memory and static-power sections of a cost table: SRAM energy and area, DRAM, leakage.</summary>
public static partial class CostTableReader
{
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
            int? width = item.Int("word_bits", true, 1, 16384, "bits per access"); // as wide as a config's word may be
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

    private static LeakageCosts? ReadLeakage(YamlSection? s, Context context)
    {
        var logic = ReadValue(s, "logic", "nw_per_um2", "logic leakage in nW per um^2", 1e9, context);
        var sram = ReadValue(s, "sram", "pw_per_bit", "SRAM leakage in pW per bit", 1e9, context);
        s?.RejectUnknownKeys();
        return logic is null || sram is null ? null : new LeakageCosts(logic, sram);
    }
}
