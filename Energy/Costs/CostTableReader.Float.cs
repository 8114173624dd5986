using QuantSim.Input;
using QuantSim.Datapaths.Numerics;

namespace QuantSim.Energy.Costs;

/// <summary>The floating-point section of a cost table: one adder and one multiplier per format.</summary>
public static partial class CostTableReader
{
    /// <summary>
    /// <c>floating_point: [{ format, add_pj, mult_pj, add_area_um2, mult_area_um2, kind, source }]</c>. The section
    /// is optional: a table without it prices integer datapaths only, and the pricing check names it when a
    /// floating-point PE needs it.
    /// </summary>
    private static Dictionary<string, FloatUnitCosts>? ReadFloatingPoint(YamlSection? s, Context context)
    {
        var units = new Dictionary<string, FloatUnitCosts>(StringComparer.Ordinal);
        if (s is null)
        {
            return units;
        }

        bool bad = false;
        foreach (var (item, _) in Elements(s, "units", "format, add_pj, mult_pj, add_area_um2, mult_area_um2, kind, source"))
        {
            string? format = item.String("format", true, $"the float format: {string.Join(", ", FloatFormat.All.Select(f => f.Name))}");
            double? add = NonNegative(item, "add_pj", "energy of one add in pJ", MaxEnergyPj);
            double? multiply = NonNegative(item, "mult_pj", "energy of one multiply in pJ", MaxEnergyPj);
            double? addArea = NonNegative(item, "add_area_um2", "adder area in um^2", MaxAreaUm2);
            double? multiplyArea = NonNegative(item, "mult_area_um2", "multiplier area in um^2", MaxAreaUm2);
            var provenance = ReadProvenance(item, context);
            item.RejectUnknownKeys();
            if (format is not null && FloatFormat.All.All(f => f.Name != format))
            {
                item.Error("format", $"unknown float format '{format}'; allowed: {string.Join(", ", FloatFormat.All.Select(f => f.Name))}");
                bad = true;
                continue;
            }

            if (format is not null && units.ContainsKey(format))
            {
                item.Error("format", $"{format} is already listed; keep one");
                bad = true;
                continue;
            }

            if (format is null || add is null || multiply is null || addArea is null || multiplyArea is null || provenance is null)
            {
                bad = true;
                continue;
            }

            units[format] = new FloatUnitCosts(format, add.Value, multiply.Value, addArea.Value, multiplyArea.Value, provenance);
        }

        s.RejectUnknownKeys();
        return bad ? null : units;
    }
}
