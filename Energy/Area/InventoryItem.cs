namespace QuantSim.Energy.Area;

/// <summary><see cref="Count"/> copies of a unit, in a named group of the area breakdown (e.g. <c>pe</c>, <c>output</c>, <c>buffers</c>).</summary>
public sealed record InventoryItem(string Group, HardwareUnit Unit, long Count)
{
    /// <summary>
    /// The items of an R x C array whose every PE holds <paramref name="perPe"/> (unit, count) pairs:
    /// each count is multiplied by the number of PEs, grouped under <c>pe</c>.
    /// </summary>
    public static IEnumerable<InventoryItem> PerPe(long processingElements, params (HardwareUnit Unit, int Count)[] perPe) =>
        perPe.Select(p => new InventoryItem("pe", p.Unit, processingElements * p.Count));
}
