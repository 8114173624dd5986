namespace QuantSim.Energy.Costs;

/// <summary>One number of the table with its unit in the name of the property that holds it.</summary>
public sealed record SourcedValue(double Value, Provenance Provenance);

/// <summary>Per-bit costs of a pipeline register (flip-flops).</summary>
public sealed record RegisterCosts(SourcedValue WritePjPerBit, SourcedValue ReadPjPerBit, SourcedValue ClockPjPerBit, SourcedValue AreaUm2PerBit);

/// <summary>Per-bit costs of a 2:1 multiplexer.</summary>
public sealed record Mux2Costs(SourcedValue EnergyPjPerBit, SourcedValue AreaUm2PerBit);

/// <summary>A clamp of n bits costs <see cref="Comparators"/> n-bit comparisons plus <see cref="Mux2"/> n-bit 2:1 selections.</summary>
public sealed record ClampRule(int Comparators, int Mux2, Provenance Provenance);

/// <summary>One DRAM interface: energy per bit transferred.</summary>
public sealed record DramOption(string Name, double PjPerBit, Provenance Provenance);

/// <summary>The DRAM interfaces a table knows, and the one used unless the caller names another.</summary>
public sealed record DramCosts(string Default, IReadOnlyList<DramOption> Options)
{
    public DramOption Get(string? name)
    {
        string wanted = name ?? Default;
        return Options.FirstOrDefault(o => o.Name == wanted)
            ?? throw new ArgumentException($"unknown DRAM option '{wanted}'; the table has: {string.Join(", ", Options.Select(o => o.Name))}", nameof(name));
    }
}

/// <summary>Static power densities: logic per um^2 and SRAM per stored bit.</summary>
public sealed record LeakageCosts(SourcedValue LogicNwPerUm2, SourcedValue SramPwPerBit);

/// <summary>
/// A bit-composable MAC unit built from <see cref="Bricks"/> bricks of <see cref="BrickBits"/> x
/// <see cref="BrickBits"/> bits (Bit Fusion's Fusion Unit). An a x w product occupies
/// ceil(a/brick) x ceil(w/brick) bricks for one cycle; the unit's energy per cycle is shared out
/// in that proportion, so narrower operands cost proportionally less per MAC.
/// </summary>
public sealed record BitComposableMacCost(int BrickBits, int Bricks, int MaxBits, double EnergyPerCyclePj, double AreaUm2, Provenance Provenance)
{
    public int BricksUsed(int activationBits, int weightBits) =>
        Ceil(activationBits, BrickBits) * Ceil(weightBits, BrickBits);

    /// <summary>How many a x w products the unit completes per cycle.</summary>
    public int ProductsPerCycle(int activationBits, int weightBits) => Bricks / BricksUsed(activationBits, weightBits);

    public double EnergyPerMacPj(int activationBits, int weightBits) =>
        EnergyPerCyclePj * BricksUsed(activationBits, weightBits) / Bricks;

    private static int Ceil(int bits, int brick) => (bits + brick - 1) / brick;
}
