namespace QuantSim.Energy.Area;

/// <summary>Area of one inventory line: unit area x count.</summary>
public sealed record ItemArea(InventoryItem Item, double UnitAreaUm2, double AreaUm2);

/// <summary>
/// Area of an accelerator from its inventory, with the static power that area implies. Logic and
/// SRAM are kept apart because their leakage densities differ.
/// </summary>
public sealed record AreaReport(IReadOnlyList<ItemArea> Items, double LogicUm2, double SramUm2, long SramBits, decimal LeakagePowerMw)
{
    public double TotalUm2 => LogicUm2 + SramUm2;

    public double TotalMm2 => TotalUm2 * 1e-6;

    /// <summary>Area per group (e.g. pe, output, buffers) in um^2, sorted by group name.</summary>
    public IReadOnlyList<(string Group, double AreaUm2)> Groups =>
        Items.GroupBy(i => i.Item.Group).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Sum(i => i.AreaUm2))).ToList();

    /// <summary>Throughput density: <paramref name="tops"/> (peak or achieved) per mm^2.</summary>
    public double TopsPerMm2(double tops) => TotalMm2 == 0 ? 0 : tops / TotalMm2;

    /// <summary>
    /// Peak TOPS of an array: 2 ops per MAC x PEs x MACs per PE per cycle x clock. A bit-composable PE
    /// does more MACs per cycle at low precision (<see cref="Costs.BitComposableMacCost.ProductsPerCycle"/>).
    /// </summary>
    public static double PeakTops(long processingElements, int macsPerPePerCycle, double clockMhz) =>
        2.0 * processingElements * macsPerPePerCycle * clockMhz * 1e6 / 1e12;
}
