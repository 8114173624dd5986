using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace QuantSim.Benchmarks;

/// <summary>A benchmark whose one operation simulates a known number of PE-cycles.</summary>
public interface IPeUpdatesBenchmark
{
    /// <summary>PE-updates (cycles x R x C) of one operation; valid after setup.</summary>
    long PeUpdates { get; }

    void Setup();
}

/// <summary>Adds a "PE-updates/s" column: PE-updates of one operation / mean time.</summary>
public sealed class PeUpdatesConfig : ManualConfig
{
    public PeUpdatesConfig() => AddColumn(new PeUpdatesColumn());

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

            // The benchmark ran in a child process; rebuild the same deterministic case here to count.
            var bench = (IPeUpdatesBenchmark)Activator.CreateInstance(benchmarkCase.Descriptor.Type)!;
            foreach (var parameter in benchmarkCase.Parameters.Items)
            {
                benchmarkCase.Descriptor.Type.GetProperty(parameter.Name)!.SetValue(bench, parameter.Value);
            }

            bench.Setup();
            double perSecond = bench.PeUpdates / (report.ResultStatistics.Mean / 1e9);
            return (perSecond / 1e6).ToString("F1", CultureInfo.InvariantCulture) + " M";
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
