using QuantSim.Input;

namespace QuantSim.Energy.Costs;

/// <summary>Logic sections of a cost table: scaled families, mux, clamp, registers, the bit-composable MAC.</summary>
public static partial class CostTableReader
{
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
}
