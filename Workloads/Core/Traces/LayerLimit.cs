using QuantSim.Input;

namespace QuantSim.Workloads.Traces;

/// <summary>The message both CSV readers give on the first row past <see cref="InputLimits.Layers"/>.</summary>
internal static class LayerLimit
{
    public static string Message =>
        $"more than {InputLimits.Layers} layers; a workload may have at most {InputLimits.Layers} (split the network into several traces)";
}
