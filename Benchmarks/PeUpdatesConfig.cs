using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace QuantSim.Benchmarks;

/// <summary>Adds a "PE-updates/s" column: PE-updates of one operation / mean time.</summary>
public sealed class PeUpdatesConfig : ManualConfig
{
    // Filled in GlobalSetup of the benchmark process; the column is computed in the host process,
    // so the counts are recomputed there from the same deterministic inputs.
    private static readonly ConcurrentDictionary<string, long> Counts = new();

    public PeUpdatesConfig() => AddColumn(new PeUpdatesColumn());

    public static void Record(string method, object parameter, long peUpdates) =>
        Counts[$"{method}/{parameter}"] = peUpdates;

    private sealed class PeUpdatesColumn : IColumn
    {
        public string Id => "PeUpdatesPerSecond";

        public string ColumnName => "PE-updates/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "PE-updates (cycles x R x C) per second of one register-level run";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is null)
            {
                return "-";
            }

            var parameter = benchmarkCase.Parameters.Items.Single().Value;
            if (!Counts.TryGetValue($"{benchmarkCase.Descriptor.WorkloadMethod.Name}/{parameter}", out long updates))
            {
                var bench = new ArrayBenchmarks { Dataflow = (Simulator.Config.Dataflow)parameter };
                bench.Setup();
                Counts.TryGetValue($"{benchmarkCase.Descriptor.WorkloadMethod.Name}/{parameter}", out updates);
            }

            double perSecond = updates / (report.ResultStatistics.Mean / 1e9);
            return (perSecond / 1e6).ToString("F1", CultureInfo.InvariantCulture) + " M";
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
