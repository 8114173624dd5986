using System.Collections.Immutable;
using System.Runtime.ExceptionServices;
using QuantSim.Input;
using QuantSim.Energy.Pricing;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Engine;
using QuantSim.Workloads;

namespace QuantSim.Cli.Sweep;

/// <summary>
/// Simulates and prices points in parallel. Each result lands in its point's slot, so the output
/// order is the point order whatever the thread scheduling; only progress reports arrive in
/// completion order.
/// </summary>
public static class SweepRunner
{
    /// <param name="points">The points to run (all of them, or one shard's).</param>
    /// <param name="configs">The validated config and its cost table of each axis combination (<see cref="SweepPoint.Combination"/>).</param>
    /// <param name="workloads">Workloads by the names used in the points.</param>
    /// <param name="configFile">The base config file (relative DRAM sets and cost tables resolve from it).</param>
    /// <param name="jobs">At most this many points at once.</param>
    /// <param name="cancellation">Stops the sweep after the points in progress (OperationCanceledException).</param>
    /// <param name="pointDone">Called after each point, from worker threads.</param>
    public static ImmutableArray<SweepPointResult> Run(
        IReadOnlyList<SweepPoint> points,
        IReadOnlyList<SweepConfig> configs,
        IReadOnlyDictionary<string, Workload> workloads,
        string configFile,
        int jobs,
        CancellationToken cancellation,
        Action? pointDone = null)
    {
        var results = new SweepPointResult[points.Count];
        try
        {
            Parallel.For(0, points.Count, new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = cancellation }, i =>
            {
                var point = points[i];
                var (config, table) = configs[point.Combination];
                var simulation = AcceleratorSimulator.Run(config, workloads[point.Workload], Fidelity.Fast, configFile);
                results[i] = SweepPointResult.Of(point, SimulationPricer.Price(simulation, table));
                pointDone?.Invoke();
            });
        }
        catch (AggregateException ex)
        {
            // Report what a sequential run would: the user-input errors, or the first failure as itself.
            var inner = ex.Flatten().InnerExceptions;
            if (inner.All(e => e is InputException))
            {
                throw new InputException([.. inner.SelectMany(e => ((InputException)e).Errors).Distinct()]);
            }

            ExceptionDispatchInfo.Capture(inner.First(e => e is not InputException)).Throw();
            throw;
        }

        return [.. results];
    }
}
