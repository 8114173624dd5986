using System.Globalization;
using System.Text;

namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>
/// Writes COMPUTE_REPORT.csv, BANDWIDTH_REPORT.csv and DETAILED_ACCESS_REPORT.csv exactly as SCALE-Sim
/// v2's <c>simulator.generate_reports</c> does: ", " between fields, a trailing comma on every line,
/// Python <c>str()</c> of ints and floats (cycle stamps are floats there, e.g. <c>-66.0</c>), "\n" line ends.
/// </summary>
public static class ScaleSimReportWriter
{
    public const string ComputeHeader = "LayerID, Total Cycles, Stall Cycles, Overall Util %, Mapping Efficiency %, Compute Util %,";

    public const string BandwidthHeader =
        "LayerID, Avg IFMAP SRAM BW, Avg FILTER SRAM BW, Avg OFMAP SRAM BW, Avg IFMAP DRAM BW, Avg FILTER DRAM BW, Avg OFMAP DRAM BW,";

    public const string DetailedHeader =
        "LayerID, SRAM IFMAP Start Cycle, SRAM IFMAP Stop Cycle, SRAM IFMAP Reads, SRAM Filter Start Cycle, SRAM Filter Stop Cycle, " +
        "SRAM Filter Reads, SRAM OFMAP Start Cycle, SRAM OFMAP Stop Cycle, SRAM OFMAP Writes, DRAM IFMAP Start Cycle, DRAM IFMAP Stop Cycle, " +
        "DRAM IFMAP Reads, DRAM Filter Start Cycle, DRAM Filter Stop Cycle, DRAM Filter Reads, DRAM OFMAP Start Cycle, DRAM OFMAP Stop Cycle, " +
        "DRAM OFMAP Writes,";

    public static void Write(ScaleSimReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "COMPUTE_REPORT.csv"), ComputeReport(report));
        File.WriteAllText(Path.Combine(directory, "BANDWIDTH_REPORT.csv"), BandwidthReport(report));
        File.WriteAllText(Path.Combine(directory, "DETAILED_ACCESS_REPORT.csv"), DetailedAccessReport(report));
    }

    public static string ComputeReport(ScaleSimReport report) => Table(ComputeHeader, report, l =>
    [
        Int(l.TotalCycles), Int(l.StallCycles), PythonFloat.Repr(l.OverallUtilization),
        PythonFloat.Repr(l.MappingEfficiency), PythonFloat.Repr(l.ComputeUtilization),
    ]);

    public static string BandwidthReport(ScaleSimReport report) => Table(BandwidthHeader, report, l =>
    [
        PythonFloat.Repr(l.AverageIfmapSramBandwidth), PythonFloat.Repr(l.AverageFilterSramBandwidth),
        PythonFloat.Repr(l.AverageOfmapSramBandwidth), PythonFloat.Repr(l.IfmapDram.AverageBandwidth),
        PythonFloat.Repr(l.FilterDram.AverageBandwidth), PythonFloat.Repr(l.OfmapDram.AverageBandwidth),
    ]);

    public static string DetailedAccessReport(ScaleSimReport report) => Table(DetailedHeader, report, l =>
    [
        .. Sram(l.IfmapSram), .. Sram(l.FilterSram), .. Sram(l.OfmapSram),
        .. Dram(l.IfmapDram), .. Dram(l.FilterDram), .. Dram(l.OfmapDram),
    ]);

    private static string[] Sram(SramAccessSpan a) => [Cycle(a.StartCycle), Cycle(a.StopCycle), Int(a.Accesses)];

    private static string[] Dram(DramAccessSpan a) => [Cycle(a.StartCycle), Cycle(a.StopCycle), Int(a.Accesses)];

    private static string Table(string header, ScaleSimReport report, Func<ScaleSimLayerReport, string[]> fields)
    {
        var text = new StringBuilder();
        text.Append(header).Append('\n');
        foreach (var layer in report.Layers)
        {
            text.Append(Int(layer.LayerId));
            foreach (string field in fields(layer))
            {
                text.Append(", ").Append(field);
            }

            text.Append(",\n");
        }

        return text.ToString();
    }

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    // SCALE-Sim's cycle stamps come out of float64 numpy arrays.
    private static string Cycle(long value) => PythonFloat.Repr(value);
}
