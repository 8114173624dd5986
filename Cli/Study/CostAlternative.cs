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

    /// <summary>NG45 DFF_X1: the figure the table's register entry quotes as the alternative to ALD's.</summary>
    public const double NangateWritePjPerBit = 0.019;

    /// <summary>H14's SRAM energies are quoted for 64-bit accesses.</summary>
    public const int WideWordBits = 64;
}
