using System.Runtime.ExceptionServices;
using QuantSim.Simulator.Config.ScaleSim;
using QuantSim.Workloads;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>
/// SCALE-Sim v2 compatibility mode: runs a topology on a SCALE-Sim config and returns, per layer, the
/// numbers SCALE-Sim v2 (commit 22f88b1) writes to COMPUTE_REPORT, BANDWIDTH_REPORT and
/// DETAILED_ACCESS_REPORT. Depthwise layers (groups = channels) become one SCALE-Sim layer per channel,
/// as SCALE-Sim expands topology rows named "DP".
/// </summary>
public static class ScaleSimRunner
{
    public static ScaleSimReport Run(ScaleSimConfig config, Workload topology) => Run(config, topology, null);

    /// <summary>As <see cref="Run(ScaleSimConfig, Workload)"/>, reporting every trace row of layer i to <c>observers(i)</c>.</summary>
    public static ScaleSimReport Run(ScaleSimConfig config, Workload topology, Func<int, IScaleSimTraceObserver?>? observers)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(topology);
        var layers = Expand(topology.Layers).ToList();
        var reports = new ScaleSimLayerReport[layers.Count];
        if (observers is not null)
        {
            // Trace rows are written as they happen, so traced layers run one after the other.
            for (int i = 0; i < layers.Count; i++)
            {
                reports[i] = ScaleSimLayerSimulation.Run(i, layers[i], config, observers(i));
            }
        }
        else
        {
            // SCALE-Sim runs each layer on fresh buffers, so layers are independent and run on every core, one layer
            // per core: the thread pool would add threads beyond the cores, and each holds its layer's tables. Every
            // layer runs; a failure is reported for the first failing layer in topology order, as a run one by one would.
            var failures = new Exception?[layers.Count];
            Parallel.For(0, layers.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                try
                {
                    reports[i] = ScaleSimLayerSimulation.Run(i, layers[i], config);
                }
                catch (Exception ex)
                {
                    failures[i] = ex;
                }
            });

            if (failures.FirstOrDefault(f => f is not null) is { } first)
            {
                ExceptionDispatchInfo.Capture(first).Throw();
            }
        }

        return new ScaleSimReport(config.Accelerator.Name, [.. reports]);
    }

    private static IEnumerable<Layer> Expand(IEnumerable<Layer> layers)
    {
        foreach (var layer in layers)
        {
            if (layer is ConvLayer { Groups: > 1 } conv)
            {
                if (conv.ChannelsPerGroup != 1)
                {
                    throw new ArgumentException($"Layer '{conv.Name}': SCALE-Sim only knows dense and depthwise convolutions.", nameof(layers));
                }

                for (int g = 0; g < conv.Groups; g++)
                {
                    yield return conv with { InputChannels = 1, Filters = conv.FiltersPerGroup, Groups = 1 };
                }
            }
            else if (layer is ConvLayer or GemmLayer)
            {
                yield return layer;
            }
            else
            {
                throw new ArgumentException($"Layer '{layer.Name}' ({layer.GetType().Name}) has no SCALE-Sim topology form.", nameof(layers));
            }
        }
    }
}
