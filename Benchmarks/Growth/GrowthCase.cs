using QuantSim.Workloads.Layers;

namespace QuantSim.Benchmarks.Growth;

/// <summary>
/// The GEMM of a growth point: 1024-deep (K) and 32 wide (N, one column fold on a 32-column array),
/// with as many rows (M) as it takes for about 10^<paramref name="exponent"/> cycles on a 32x32
/// output-stationary array (each 32-row fold lasts K + R + C - 2 = 1086 cycles in SCALE-Sim's
/// convention). Growing M grows the folds and cycles and nothing else.
/// </summary>
public static class GrowthCase
{
    public const int Depth = 1024;
    public const int Width = 32;

    public static GemmLayer Gemm(int exponent)
    {
        double folds = Math.Pow(10, exponent) / (Depth + 32 + 32 - 2);
        int m = checked((int)Math.Max(1, Math.Round(folds) * 32));
        return new GemmLayer($"gemm-1e{exponent}", m, Width, Depth);
    }
}
