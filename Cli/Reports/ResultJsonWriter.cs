using System.Text.Json;
using QuantSim.Cli.Commands;
using QuantSim.Energy.Pricing;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Engine;

namespace QuantSim.Cli.Reports;

/// <summary>
/// result.json, the source of truth: a versioned schema (<see cref="Schema"/>, described by
/// docs/schemas/result.schema.json), keys in a fixed order, numbers in invariant round-trip form and
/// nothing that changes between identical runs (no timestamps, no wall times), so the same inputs
/// give the same bytes.
/// </summary>
public static class ResultJsonWriter
{
    /// <summary>
    /// Version 3: energy at the five accounting levels (<c>energy.levels_pj</c>, each layer's
    /// <c>energy_levels_pj</c>), clock, forwarding and parameter components, the array's clock gating and
    /// the config's DRAM energy option. Version 2 moved the priced summary into <c>priced</c>; every result
    /// is priced (an unpriceable config is refused before it runs).
    /// </summary>
    public const string Schema = "quantsim.result/3";

    /// <summary>A priced simulation: there is no result without its energy (the pricing rules run before the simulation).</summary>
    public static string Render(PricedSimulation costed) =>
        OutputJson.Render(Schema, json =>
        {
            var result = costed.Simulation;
            WriteConfig(json, result.Config);
            json.WriteStartObject("workload");
            json.WriteString("name", result.Workload.Name);
            json.WriteNumber("layers", result.Workload.Layers.Length);
            json.WriteNumber("macs", result.Workload.Macs);
            json.WriteNumber("parameters", result.Workload.Parameters);
            json.WriteEndObject();
            json.WriteString("fidelity", result.Fidelity == Fidelity.Fast ? "fast" : "register");

            json.WriteStartObject("totals");
            json.WriteNumber("cycles", result.TotalCycles);
            json.WriteNumber("compute_cycles", result.ComputeCycles);
            json.WriteNumber("stall_cycles", result.StallCycles);
            json.WriteNumber("macs", result.Macs);
            json.WriteNumber("utilization", result.Utilization);
            WriteSram(json, result.Sram);
            WriteDram(json, result.Dram);
            json.WriteEndObject();
            PricedSummaryJson.Write(json, PricedSummary.Of(costed));
            WriteEnergy(json, costed);
            WriteArea(json, costed);

            json.WriteStartArray("layers");
            for (int i = 0; i < result.Layers.Length; i++)
            {
                WriteLayer(json, result.Layers[i], costed.Energy.Layers[i]);
            }

            json.WriteEndArray();
        });

    private static void WriteConfig(Utf8JsonWriter json, AcceleratorConfig c)
    {
        json.WriteStartObject("config");
        json.WriteString("name", c.Name);
        json.WriteNumber("clock_mhz", c.ClockMhz);
        json.WriteStartObject("array");
        json.WriteNumber("rows", c.Array.Rows);
        json.WriteNumber("cols", c.Array.Cols);
        json.WriteString("dataflow", Names.Of(c.Array.Dataflow));
        json.WriteString("timing", c.Array.Timing == TimingConvention.Native ? "native" : "scalesim");
        json.WriteString("clock_gating", c.Array.ClockGating == ClockGating.IdlePe ? "idle-pe" : "none");
        json.WriteEndObject();
        json.WriteStartObject("buffers");
        foreach (var (name, b) in new[] { ("ifmap", c.Buffers.Ifmap), ("filter", c.Buffers.Filter), ("ofmap", c.Buffers.Ofmap) })
        {
            json.WriteStartObject(name);
            json.WriteNumber("capacity_bytes", b.CapacityBytes);
            json.WriteNumber("word_bits", b.WordBits);
            json.WriteNumber("banks", b.Banks);
            json.WriteEndObject();
        }

        json.WriteBoolean("double_buffered", c.Buffers.DoubleBuffered);
        json.WriteEndObject();
        json.WriteString("dram", Names.Of(c.Dram));
        json.WriteStartObject("datapath");
        json.WriteString("kind", c.Datapath.Name);
        json.WriteString("precision", c.Datapath.Precision.Name);
        if (c.Datapath.SizesAccumulators)
        {
            json.WriteString("accumulator_bits", "auto");
        }
        else
        {
            json.WriteNumber("accumulator_bits", c.Datapath.Precision.AccumulatorBits);
        }

        foreach (var (key, value) in c.Datapath.Settings.Values)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
        json.WriteString("cost_table", c.Technology.CostTable);
        if (c.Technology.DramEnergy is { } dram)
        {
            json.WriteString("dram_energy", dram);
        }

        json.WriteEndObject();
    }

    private static void WriteLayer(Utf8JsonWriter json, LayerSimulation l, Energy.Model.LayerEnergy? energy)
    {
        var p = l.Array.Problem;
        json.WriteStartObject();
        json.WriteNumber("index", l.Index);
        json.WriteString("name", l.Name);
        json.WriteString("precision", l.Precision.Name);
        json.WriteNumber("accumulator_bits", l.Precision.AccumulatorBits);
        json.WriteStartObject("gemm");
        json.WriteNumber("m", p.M);
        json.WriteNumber("n", p.N);
        json.WriteNumber("k", p.K);
        json.WriteNumber("groups", p.Groups);
        json.WriteEndObject();
        json.WriteNumber("folds", l.Array.Folds);
        json.WriteNumber("cycles", l.TotalCycles);
        json.WriteNumber("compute_cycles", l.ComputeCycles);
        json.WriteNumber("stall_cycles", l.StallCycles);
        json.WriteStartObject("stalls");
        json.WriteNumber("ifmap", l.Memory.IfmapStalls);
        json.WriteNumber("filter", l.Memory.FilterStalls);
        json.WriteNumber("ofmap", l.Memory.OfmapStalls);
        json.WriteEndObject();
        json.WriteNumber("macs", l.Macs);
        json.WriteNumber("utilization", l.Utilization);
        json.WriteNumber("mapping_efficiency", l.Array.SpatialEfficiency);
        WriteSram(json, l.Sram);
        json.WriteStartObject("dram");
        json.WriteNumber("ifmap_bytes_read", l.Traffic.IfmapDramBytes);
        json.WriteNumber("filter_bytes_read", l.Traffic.FilterDramBytes);
        json.WriteNumber("psum_bytes_read", l.Traffic.PsumDramReadBytes);
        json.WriteNumber("output_bytes_written", l.Traffic.OutputDramBytes);
        json.WriteNumber("psum_bytes_written", l.Traffic.PsumDramWriteBytes);
        json.WriteNumber("bytes_read", l.Dram.BytesRequestedRead);
        json.WriteNumber("bytes_written", l.Dram.BytesRequestedWritten);
        json.WriteNumber("bytes_moved", l.Dram.BytesMovedRead + l.Dram.BytesMovedWritten);
        json.WriteNumber("bytes_per_cycle", l.DramBytesPerCycle);
        json.WriteNumber("row_hits", l.Dram.RowHits);
        json.WriteNumber("row_misses", l.Dram.RowMisses);
        json.WriteNumber("row_conflicts", l.Dram.RowConflicts);
        json.WriteNumber("refreshes", l.Dram.Refreshes);
        json.WriteEndObject();
        json.WriteStartObject("buffer_occupancy");
        json.WriteNumber("ifmap_peak_bytes", l.Traffic.PeakIfmapBytes);
        json.WriteNumber("filter_peak_bytes", l.Traffic.PeakFilterBytes);
        json.WriteNumber("ofmap_peak_bytes", l.Traffic.PeakOfmapBytes);
        json.WriteBoolean("ifmap_resident", l.Traffic.IfmapResident);
        json.WriteBoolean("filter_resident", l.Traffic.FilterResident);
        json.WriteBoolean("psum_spill", l.Traffic.PartialSumsSpill);
        json.WriteEndObject();
        if (energy is not null)
        {
            json.WriteStartObject("energy_pj");
            json.WriteNumber("total", energy.TotalPj);
            foreach (var component in energy.Components)
            {
                json.WriteNumber(component.Component.Name, component.Pj);
            }

            json.WriteEndObject();
            WriteLevels(json, "energy_levels_pj", energy.Levels);
        }

        json.WriteEndObject();
    }

    /// <summary>Energy at each accounting level, innermost first (each includes the ones before it).</summary>
    private static void WriteLevels(Utf8JsonWriter json, string name, IEnumerable<(Energy.Model.AccountingLevel Level, decimal Pj)> levels)
    {
        json.WriteStartObject(name);
        foreach (var (level, pj) in levels)
        {
            json.WriteNumber(Energy.Model.AccountingLevels.Name(level), pj);
        }

        json.WriteEndObject();
    }

    private static void WriteEnergy(Utf8JsonWriter json, PricedSimulation costed)
    {
        var e = costed.Energy;
        json.WriteStartObject("energy");
        json.WriteString("cost_table", e.CostTable);
        json.WriteString("dram_option", e.DramOption);
        json.WriteString("ops_convention", "1 MAC = 2 operations; useful MACs only");
        json.WriteNumber("inferences", e.Inferences);
        json.WriteNumber("total_pj", e.TotalPj);
        json.WriteNumber("energy_delay_product_js", e.EnergyDelayProductJs);
        json.WriteNumber("average_power_mw", e.AveragePowerMw);
        json.WriteNumber("leakage_power_mw", e.LeakagePowerMw);
        json.WriteStartObject("components_pj");
        foreach (var component in e.Components)
        {
            json.WriteNumber(component.Component.Name, component.Pj);
        }

        json.WriteEndObject();
        WriteLevels(json, "levels_pj", e.Levels);
        json.WriteEndObject();
    }

    /// <summary>The breakdown of <c>priced.area_mm2</c>: logic plus SRAM, and by inventory group.</summary>
    private static void WriteArea(Utf8JsonWriter json, PricedSimulation costed)
    {
        var a = costed.Area;
        json.WriteStartObject("area");
        json.WriteNumber("logic_mm2", a.LogicUm2 * 1e-6);
        json.WriteNumber("sram_mm2", a.SramUm2 * 1e-6);
        json.WriteStartObject("groups_mm2");
        foreach (var (group, um2) in a.Groups)
        {
            json.WriteNumber(group, um2 * 1e-6);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteSram(Utf8JsonWriter json, SramCounts s)
    {
        json.WriteStartObject("sram");
        json.WriteNumber("ifmap_reads", s.IfmapReads);
        json.WriteNumber("ifmap_writes", s.IfmapWrites);
        json.WriteNumber("filter_reads", s.FilterReads);
        json.WriteNumber("filter_writes", s.FilterWrites);
        json.WriteNumber("ofmap_reads", s.OfmapReads);
        json.WriteNumber("ofmap_writes", s.OfmapWrites);
        json.WriteEndObject();
    }

    private static void WriteDram(Utf8JsonWriter json, Simulator.Dram.DramStatistics d)
    {
        json.WriteStartObject("dram");
        json.WriteNumber("bytes_read", d.BytesRequestedRead);
        json.WriteNumber("bytes_written", d.BytesRequestedWritten);
        json.WriteNumber("bytes_moved", d.BytesMovedRead + d.BytesMovedWritten);
        json.WriteNumber("row_hits", d.RowHits);
        json.WriteNumber("row_misses", d.RowMisses);
        json.WriteNumber("row_conflicts", d.RowConflicts);
        json.WriteNumber("refreshes", d.Refreshes);
        json.WriteEndObject();
    }
}
