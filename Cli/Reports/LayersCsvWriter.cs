using System.Globalization;
using System.Text;
using QuantSim.Energy.Pricing;
using QuantSim.Simulator.Engine;

namespace QuantSim.Cli.Reports;

/// <summary>layers.csv: one row per layer, the per-layer fields of result.json flattened.</summary>
public static class LayersCsvWriter
{
    private const string Header =
        "index,name,precision,m,n,k,groups,folds,cycles,compute_cycles,stall_cycles,ifmap_stalls,filter_stalls,ofmap_stalls," +
        "macs,utilization,mapping_efficiency,sram_ifmap_reads,sram_ifmap_writes,sram_filter_reads,sram_filter_writes," +
        "sram_ofmap_reads,sram_ofmap_writes,dram_bytes_read,dram_bytes_written,dram_bytes_per_cycle,dram_row_hits,dram_row_misses,dram_row_conflicts,energy_pj";

    public static string Render(PricedSimulation costed)
    {
        var result = costed.Simulation;
        var text = new StringBuilder().Append(Header).Append('\n');
        for (int i = 0; i < result.Layers.Length; i++)
        {
            var l = result.Layers[i];
            object energy = costed.Energy.Layers[i].TotalPj;
            var p = l.Array.Problem;
            var s = l.Sram;
            object[] cells =
            [
                l.Index, Csv(l.Name), l.Precision.Name, p.M, p.N, p.K, p.Groups, l.Array.Folds, l.TotalCycles, l.ComputeCycles,
                l.StallCycles, l.Memory.IfmapStalls, l.Memory.FilterStalls, l.Memory.OfmapStalls, l.Macs, l.Utilization,
                l.Array.SpatialEfficiency, s.IfmapReads, s.IfmapWrites, s.FilterReads, s.FilterWrites, s.OfmapReads, s.OfmapWrites,
                l.Dram.BytesRequestedRead, l.Dram.BytesRequestedWritten, l.DramBytesPerCycle, l.Dram.RowHits, l.Dram.RowMisses, l.Dram.RowConflicts, energy,
            ];
            text.AppendJoin(',', cells.Select(c => c switch
            {
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                _ => Convert.ToString(c, CultureInfo.InvariantCulture),
            }))
                .Append('\n');
        }

        return text.ToString();
    }

    private static string Csv(string field) =>
        field.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
}
