using QuantSim.Energy.Costs;
using QuantSim.Energy.Model;

namespace QuantSim.Energy.Area;

/// <summary>
/// Area = sum over the inventory of count x unit area from the cost table; SRAM buffers are priced
/// per bank (banks x area of one bank's capacity). Static power = logic area x the table's logic
/// leakage density + SRAM bits x its per-bit SRAM leakage.
/// </summary>
public sealed class AreaModel(CostTable table)
{
    public AreaReport Estimate(IEnumerable<InventoryItem> inventory)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        var items = new List<ItemArea>();
        double logic = 0, sram = 0;
        long sramBits = 0;
        foreach (var item in inventory)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(item.Count);
            double unit = UnitAreaUm2(item.Unit);
            double area = unit * item.Count;
            items.Add(new ItemArea(item, unit, area));
            if (item.Unit is SramUnit s)
            {
                sram += area;
                sramBits += s.Bits * item.Count;
            }
            else
            {
                logic += area;
            }
        }

        // nW/um^2 x um^2 = nW -> x 1e-6 mW; pW/bit x bits = pW -> x 1e-9 mW.
        double leakMw = logic * table.Leakage.LogicNwPerUm2.Value * 1e-6 + sramBits * table.Leakage.SramPwPerBit.Value * 1e-9;
        return new AreaReport(items, logic, sram, sramBits, EnergyUnits.Round(leakMw));
    }

    public double UnitAreaUm2(HardwareUnit unit)
    {
        bool x = table.AllowExtrapolation;
        return unit switch
        {
            AdderUnit a => table.Adder.AreaUm2(a.Bits, a.Bits, x),
            MultiplierUnit m => table.Multiplier.AreaUm2(m.ABits, m.BBits, x),
            ShifterUnit s => table.Shifter.AreaUm2(s.Bits, s.Bits, x),
            ComparatorUnit c => table.Comparator.AreaUm2(c.Bits, c.Bits, x),
            Mux2Unit m => table.Mux2.AreaUm2PerBit.Value * m.Bits,
            ClampUnit c => table.Clamp.Comparators * table.Comparator.AreaUm2(c.Bits, c.Bits, x) + table.Clamp.Mux2 * table.Mux2.AreaUm2PerBit.Value * c.Bits,
            RegisterUnit r => table.Register.AreaUm2PerBit.Value * r.Bits,
            BitComposableMacUnit => table.BitComposableMac.AreaUm2,
            FloatAdderUnit f => table.Float(f.Format).AddAreaUm2,
            FloatMultiplierUnit f => table.Float(f.Format).MultiplyAreaUm2,
            SramUnit s => s.Banks * table.SramArea.AreaUm2(s.CapacityBytes / s.Banks, x),
            _ => throw new NotSupportedException($"No area for unit '{unit}'."),
        };
    }
}
