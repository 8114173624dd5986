using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace QuantSim.Benchmarks.Growth;

/// <summary>Adds the simulated cycles of one operation and simulated cycles per wall second.</summary>
public sealed class SimulatedCyclesConfig : ManualConfig
{
    public SimulatedCyclesConfig()
    {
        AddColumn(new CyclesColumn(false));
        AddColumn(new CyclesColumn(true));
    }

    private sealed class CyclesColumn(bool perSecond) : IColumn
    {
        public string Id => perSecond ? "SimulatedCyclesPerSecond" : "SimulatedCycles";

        public string ColumnName => perSecond ? "cycles/s" : "cycles";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => perSecond ? 1 : 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => perSecond ? "simulated cycles per second of wall time" : "cycles one operation simulates";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            // The benchmark may have run in a child process; rebuild the same deterministic case here to count.
            var bench = (ISimulatedCycles)Activator.CreateInstance(benchmarkCase.Descriptor.Type)!;
            foreach (var parameter in benchmarkCase.Parameters.Items)
            {
                benchmarkCase.Descriptor.Type.GetProperty(parameter.Name)!.SetValue(bench, parameter.Value);
            }

            bench.Setup();
            if (!perSecond)
            {
                return bench.SimulatedCycles.ToString("E2", CultureInfo.InvariantCulture);
            }

            var report = summary[benchmarkCase];
            return report?.ResultStatistics is null
                ? "-"
                : (bench.SimulatedCycles / (report.ResultStatistics.Mean / 1e9)).ToString("E2", CultureInfo.InvariantCulture);
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
