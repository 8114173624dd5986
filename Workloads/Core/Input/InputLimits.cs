namespace QuantSim.Input;

/// <summary>
/// The largest inputs the readers accept. Each is far above any real file (the shipped configs are
/// about 1 kB, the built-in cost table 14 kB, ResNet-50's trace 5 kB) and low enough that a hostile
/// or mistaken input (<c>/dev/zero</c>, a generated file gone wrong, YAML nested 40,000 deep) is
/// refused with a located message before it exhausts memory or the stack. README "Exit codes" lists them.
/// </summary>
public static class InputLimits
{
    private const long MiB = 1 << 20;

    /// <summary>Accelerator configs, DRAM parameter sets and SCALE-Sim .cfg files.</summary>
    public const long ConfigBytes = 1 * MiB;

    /// <summary>Cost tables: several hundred points per component still fit many times over.</summary>
    public const long CostTableBytes = 4 * MiB;

    /// <summary>QuantSim traces and SCALE-Sim topologies: about 100 bytes a layer, so 16 MiB holds the layer limit many times.</summary>
    public const long TraceBytes = 16 * MiB;

    /// <summary>
    /// ONNX models, weights included (VGG-16 in float is about 530 MB); protobuf itself stops at 2 GiB.
    /// Tensors stored as external data are not read, only their shapes.
    /// </summary>
    public const long OnnxBytes = 1024 * MiB;

    /// <summary>result.json and shard files: a few kB a layer or point.</summary>
    public const long ResultBytes = 64 * MiB;

    /// <summary>
    /// Nested mappings and lists in a YAML file. QuantSim's schemas nest at most five deep; YamlDotNet
    /// builds its node tree recursively and a .NET stack overflow cannot be caught, so the depth is
    /// counted on the event stream before any tree is built.
    /// </summary>
    public const int YamlDepth = 64;

    /// <summary>Layers in one workload; the largest zoo network has 54.</summary>
    public const int Layers = 10_000;

    /// <summary>
    /// Multiply-accumulates in one layer: 2^32, twice VGG-16's largest layer (1.85 x 10^9). The
    /// simulator plans every fold and memory segment of a layer before running it, so its memory grows
    /// with the layer: a trace row widened to 1,048,576 pixels (1.5 x 10^11 MACs) took 14 GB in 90 s
    /// and the OOM killer ended the process (issue 16, the 100,000-case fuzz run).
    /// </summary>
    public const long LayerMacs = 1L << 32;

    /// <summary>Points in one sweep (configs x workloads); each one is a full simulation.</summary>
    public const int SweepPoints = 10_000;

    /// <summary>"1 MiB" for messages.</summary>
    public static string Bytes(long bytes) =>
        bytes % MiB == 0 ? $"{bytes / MiB} MiB" : bytes % 1024 == 0 ? $"{bytes / 1024} KiB" : $"{bytes} bytes";
}
