using QuantSim.Energy.Costs;

namespace QuantSim.Energy.Tests;

/// <summary>The shipped 45 nm table, loaded once for all fixtures.</summary>
internal static class BuiltInTable
{
    private static readonly Lazy<CostTable> Table = new(() => CostTableResolver.BuiltIn(CostTableResolver.DefaultTable));

    public static CostTable Horowitz45 => Table.Value;
}
