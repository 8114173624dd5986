using QuantSim.Energy.Costs;
using QuantSim.Simulator.Config;

namespace QuantSim.Cli.Study;

/// <summary>
/// One documented alternative to the cost model (a different source for a number, another SRAM word width,
/// another DRAM interface, clock gating): the study re-prices its comparisons under each, so a reader sees
/// which ratios survive the cost model's choices. <see cref="Config"/> and <see cref="Table"/> rebuild the
/// accelerator and its cost table; the simulation runs again on the result, so choices that change what is
/// counted (words per access) are as honest as those that change a price.
/// </summary>
public sealed record CostAlternative(string Name, string Description, Func<AcceleratorConfig, AcceleratorConfig> Config, Func<CostTable, CostTable> Table)
{
    /// <summary>The alternatives that differ from <paramref name="config"/> priced by <paramref name="table"/>.</summary>
    public static IReadOnlyList<CostAlternative> Documented(AcceleratorConfig config, CostTable table)
    {
        var register = table.Register;
        var alternatives = new List<CostAlternative>
        {
            new(
                "register-read-ald",
                $"registers also charged on read, {register.WritePjPerBit.Value} pJ/bit (ALD reg.csv charges the same on read and write; the table charges writes only)",
                c => c,
                t => t with { Register = t.Register with { ReadPjPerBit = t.Register.WritePjPerBit } }),
            new(
                "register-write-ng45",
                $"register write {NangateWritePjPerBit} pJ/bit (NG45 DFF_X1 capture with a toggle, its clock included) instead of {register.WritePjPerBit.Value}, per-cycle clock kept: an upper bound",
                c => c,
                t => t with { Register = t.Register with { WritePjPerBit = t.Register.WritePjPerBit with { Value = NangateWritePjPerBit } } }),
            config.Array.ClockGating == ClockGating.None
                ? new("clock-gating-idle-pe", "idle PEs' flip-flops not clocked (array.clock_gating: idle-pe)", c => c with { Array = c.Array with { ClockGating = ClockGating.IdlePe } }, t => t)
                : new("clock-gating-none", "every flip-flop clocked every cycle (array.clock_gating: none)", c => c with { Array = c.Array with { ClockGating = ClockGating.None } }, t => t),
        };

        if (new[] { config.Buffers.Ifmap, config.Buffers.Filter, config.Buffers.Ofmap }.Any(b => b.WordBits != WideWordBits))
        {
            alternatives.Add(new(
                $"sram-words-{WideWordBits}",
                $"every buffer read and written in {WideWordBits}-bit words, operands packed (H14's quoted SRAM access width) instead of "
                + $"{config.Buffers.Ifmap.WordBits}/{config.Buffers.Filter.WordBits}/{config.Buffers.Ofmap.WordBits}-bit ifmap/filter/ofmap words",
                c => c with
                {
                    Buffers = c.Buffers with
                    {
                        Ifmap = c.Buffers.Ifmap with { WordBits = WideWordBits },
                        Filter = c.Buffers.Filter with { WordBits = WideWordBits },
                        Ofmap = c.Buffers.Ofmap with { WordBits = WideWordBits },
                    },
                },
                t => t));
        }

        alternatives.Add(new(
            "multiplier-qkeras",
            $"multipliers priced by QKeras' fit to H14, E = {QkMulSquare} ab + {QkMulLinear} sqrt(ab) pJ (qtools fpm_mul at gate_bits = sqrt(ab)), "
            + "instead of the table's piecewise-linear product law; both pass through H14's 8 x 8 and 32 x 32 anchors, areas kept",
            c => c,
            QkerasMultipliers));

        string dram = config.Technology.DramEnergy ?? table.Dram.Default;
        foreach (var option in table.Dram.Options.Where(o => o.Name != dram))
        {
            alternatives.Add(new(
                $"dram-{option.Name}",
                $"DRAM at {option.PjPerBit} pJ/bit ({option.Name}) instead of {table.Dram.Get(dram).PjPerBit} ({dram})",
                c => c with { Technology = c.Technology with { DramEnergy = option.Name } },
                t => t));
        }

        return alternatives;
    }

    /// <summary>QKeras qtools settings.py fpm_mul = poly1d([0.002994791667, 0.001041666667, 0]) in gate_bits g (pJ).</summary>
    public const double QkMulSquare = 0.002994791667;

    /// <inheritdoc cref="QkMulSquare"/>
    public const double QkMulLinear = 0.001041666667;

    /// <summary>
    /// The table's multiplier family with every energy replaced by QKeras' law: one point per product a*b the
    /// family's width range can form (so no lookup falls between points and the product law's interpolation
    /// never enters), each at E(g) = 0.002994791667 g^2 + 0.001041666667 g with g = sqrt(ab), QKeras' n x m rule
    /// (multiplier_impl.py gate_bits). Areas stay the table's: QKeras fits energy only.
    /// </summary>
    public static CostTable QkerasMultipliers(CostTable table)
    {
        var family = table.Multiplier;
        var points = new List<ScaledPoint> { new(0, 0, 0, 0, new Provenance("QK fpm_mul(0) = 0", EntryKind.Derived, family.Line)) };
        var products = new SortedDictionary<int, (int A, int B)>();
        for (int a = family.MinBits; a <= family.MaxBits; a++)
        {
            for (int b = a; b <= family.MaxBits; b++)
            {
                products.TryAdd(a * b, (a, b));
            }
        }

        foreach (var (product, (a, b)) in products)
        {
            points.Add(new ScaledPoint(a, b, QkerasMultiplyPj(a, b), family.AreaUm2(a, b, allowExtrapolation: false),
                new Provenance("QK settings.py fpm_mul at gate_bits = sqrt(a*b) (multiplier_impl.py); area from the table's own law", EntryKind.Interpolated, family.Line)));
        }

        return table with
        {
            Multiplier = new ScaledFamily(family.Name, ScalingLaw.Product, "QK fpm_mul polynomial in gate_bits = sqrt(a*b), one point per product",
                family.MinBits, family.MaxBits, points, family.File, family.Line),
        };
    }

    /// <summary>QKeras' energy of an a x b multiply in pJ: fpm_mul(sqrt(ab)).</summary>
    public static double QkerasMultiplyPj(int a, int b)
    {
        double g = Math.Sqrt((double)a * b);
        return (QkMulSquare * g * g) + (QkMulLinear * g);
    }

    /// <summary>NG45 DFF_X1: the figure the table's register entry quotes as the alternative to ALD's.</summary>
    public const double NangateWritePjPerBit = 0.019;

    /// <summary>H14's SRAM energies are quoted for 64-bit accesses.</summary>
    public const int WideWordBits = 64;
}
