using QuantSim.Energy.Costs;
using QuantSim.Input;
using QuantSim.Simulator.Activity;

namespace QuantSim.Energy.Model;

/// <summary>
/// Prices one occurrence of an action from the cost table, split over the breakdown components it
/// belongs to. Unit costs are rounded once to <see cref="EnergyUnits.Resolution"/> and held as
/// <see cref="decimal"/>, so that count x unit cost and every sum after it are exact. Unit costs
/// are cached per action; an instance is not safe to share between threads.
/// </summary>
public sealed class ActionPricer
{
    private readonly CostTable _table;
    private readonly DramOption _dram;
    private readonly Dictionary<ActivityKey, IReadOnlyList<(EnergyComponent Component, decimal Pj)>> _cache = [];

    public ActionPricer(CostTable table, string? dramOption = null)
    {
        _table = table;
        try
        {
            _dram = table.Dram.Get(dramOption);
        }
        catch (ArgumentException ex)
        {
            throw new InputException(new InputError(table.File, 0, 0, "dram", ex.Message));
        }
    }

    public CostTable Table => _table;

    public DramOption Dram => _dram;

    /// <summary>The energy of one occurrence of <paramref name="key"/>, per component, in pJ.</summary>
    public IReadOnlyList<(EnergyComponent Component, decimal Pj)> UnitCost(ActivityKey key)
    {
        if (!_cache.TryGetValue(key, out var parts))
        {
            parts = Compute(key);
            _cache[key] = parts;
        }

        return parts;
    }

    /// <summary>Total energy of one occurrence, all components together, in pJ.</summary>
    public decimal UnitTotal(ActivityKey key) => UnitCost(key).Sum(p => p.Pj);

    private IReadOnlyList<(EnergyComponent, decimal)> Compute(ActivityKey key)
    {
        var site = key.Site switch
        {
            ActivitySite.ProcessingElement => EnergyComponent.PeArithmetic,
            ActivitySite.Forwarding => EnergyComponent.PeForwarding,
            ActivitySite.OutputStage => EnergyComponent.OutputDatapath,
            ActivitySite.Parameters => EnergyComponent.ParameterRegisters,
            _ => EnergyComponent.MemoryLogic,
        };
        var registers = key.Site == ActivitySite.ProcessingElement ? EnergyComponent.PeRegisters : site;
        var clock = key.Site == ActivitySite.ProcessingElement ? EnergyComponent.PeClock : EnergyComponent.OutputClock;
        bool parameters = key.Site == ActivitySite.Parameters;
        var register = _table.Register;

        return key.Action switch
        {
            Mac { Unit: MacUnit.Fixed } m =>
            [
                (EnergyComponent.MacMultiplier, Pj(_table.MultiplyPj(m.ActivationBits, m.WeightBits))),
                (EnergyComponent.MacAccumulator, Pj(_table.AddPj(m.AccumulatorBits))),
            ],
            Mac m => [(EnergyComponent.MacBitComposable, Pj(BitComposable(m)))],
            FloatMac m =>
            [
                (EnergyComponent.MacMultiplier, Pj(_table.Float(m.MultiplyFormat.Name).MultiplyPj)),
                (EnergyComponent.MacAccumulator, Pj(_table.Float(m.AccumulateFormat.Name).AddPj)),
            ],
            FloatMultiply m => [(site, Pj(_table.Float(m.Format.Name).MultiplyPj))],
            FloatAdd a => [(site, Pj(_table.Float(a.Format.Name).AddPj))],
            Add a => [(site, Pj(_table.AddPj(a.Width)))],
            Multiply m => [(site, Pj(_table.MultiplyPj(m.ABits, m.BBits)))],
            Shift s => [(site, Pj(_table.ShiftPj(s.Width)))],
            Compare c => [(site, Pj(_table.ComparePj(c.Width)))],
            Clamp c => [(site, Pj(_table.ClampPj(c.Width)))],
            Mux m => [(site, Pj(_table.Mux2Pj(m.Width)))],
            RegisterWrite r => [(registers, Pj(register.WritePjPerBit.Value * r.Width))],
            RegisterRead r => [(registers, Pj(register.ReadPjPerBit.Value * r.Width))],
            RegisterClock r => [(clock, Pj(register.ClockPjPerBit.Value * r.Width))],
            SramRead r => [(parameters ? EnergyComponent.ParameterSram : EnergyComponent.Sram(r.Buffer), Pj(_table.SramReadPj(r.CapacityBytes / r.Banks, r.WordBits)))],
            SramWrite w => [(parameters ? EnergyComponent.ParameterSram : EnergyComponent.Sram(w.Buffer), Pj(_table.SramWritePj(w.CapacityBytes / w.Banks, w.WordBits)))],
            DramRead d => [(parameters ? EnergyComponent.DramParameters : EnergyComponent.DramRead, Pj(_dram.PjPerBit * d.Width))],
            DramWrite d => [(EnergyComponent.DramWrite, Pj(_dram.PjPerBit * d.Width))],
            _ => throw new NotSupportedException($"No price for action '{key.Action}'."),
        };
    }

    private double BitComposable(Mac m)
    {
        var unit = _table.BitComposableMac;
        if (m.ActivationBits > unit.MaxBits || m.WeightBits > unit.MaxBits)
        {
            throw new InputException(new InputError(_table.File, unit.Provenance.Line, 0, "bit_composable_mac",
                $"a {m.ActivationBits} x {m.WeightBits}-bit MAC is wider than the bit-composable unit's {unit.MaxBits}-bit operands"));
        }

        return unit.EnergyPerMacPj(m.ActivationBits, m.WeightBits);
    }

    private static decimal Pj(double pj) => EnergyUnits.Round(pj);
}
