namespace QuantSim.Energy.Model;

/// <summary>Energy of one breakdown component, in pJ.</summary>
public sealed record ComponentEnergy(EnergyComponent Component, decimal Pj);

/// <summary>Energy of one layer, per component (sorted) and in total; the components sum to the total exactly.</summary>
public sealed record LayerEnergy(string Layer, long Cycles, long Macs, IReadOnlyList<ComponentEnergy> Components, decimal TotalPj)
{
    /// <summary>The layer's 2 x MACs per pJ (see <see cref="EnergyReport.TopsPerWatt"/>).</summary>
    public double TopsPerWatt => TotalPj == 0 ? 0 : 2.0 * Macs / (double)TotalPj;

    /// <summary>The layer's energy at each accounting level, innermost first; the system level is <see cref="TotalPj"/>.</summary>
    public IReadOnlyList<(AccountingLevel Level, decimal Pj)> Levels => AccountingLevels.All.Select(l => (l, l.Sum(Components))).ToList();
}

/// <summary>
/// Energy of a run. Conventions: one MAC counts as two operations (a multiply and an add), and
/// only the layers' useful MACs count (padding and idle PEs cost energy but do no operations).
/// Delay is the run's cycles at the config's clock.
/// </summary>
public sealed record EnergyReport(
    string CostTable,
    string DramOption,
    double ClockMhz,
    int Inferences,
    decimal LeakagePowerMw,
    IReadOnlyList<LayerEnergy> Layers,
    IReadOnlyList<ComponentEnergy> Components,
    decimal TotalPj)
{
    public long Cycles => Layers.Sum(l => l.Cycles);

    /// <summary>Energy per category (PE arithmetic, PE registers, array datapath, on-chip, off-chip, leakage), in category order; sums to the total exactly.</summary>
    public IReadOnlyList<(EnergyCategory Category, decimal Pj)> Categories =>
        Components.GroupBy(c => c.Component.Category).OrderBy(g => g.Key).Select(g => (g.Key, g.Sum(c => c.Pj))).ToList();

    /// <summary>The run's energy at each accounting level, innermost first; the system level is <see cref="TotalPj"/>.</summary>
    public IReadOnlyList<(AccountingLevel Level, decimal Pj)> Levels => AccountingLevels.All.Select(l => (l, l.Sum(Components))).ToList();

    public long Macs => Layers.Sum(l => l.Macs);

    /// <summary>Operations: 2 per MAC.</summary>
    public long Operations => 2 * Macs;

    public decimal PerInferencePj => TotalPj / Inferences;

    public double DelaySeconds => Cycles / (ClockMhz * 1e6);

    public double TotalJoules => (double)TotalPj * 1e-12;

    /// <summary>Operations per joule in units of 1e12, i.e. TOPS/W (= 2 x MACs / energy in pJ).</summary>
    public double TopsPerWatt => TotalPj == 0 ? 0 : Operations / (double)TotalPj;

    /// <summary>Energy-delay product in joule-seconds.</summary>
    public double EnergyDelayProductJs => TotalJoules * DelaySeconds;

    /// <summary>Achieved throughput in TOPS (2 ops per MAC over the run's delay).</summary>
    public double EffectiveTops => DelaySeconds == 0 ? 0 : Operations / DelaySeconds / 1e12;

    /// <summary>Average power in mW.</summary>
    public double AveragePowerMw => DelaySeconds == 0 ? 0 : TotalJoules / DelaySeconds * 1e3;
}
