using QuantSim.Simulator.Mapping;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>
/// The GEMM view SCALE-Sim builds of a layer: the shared <see cref="GemmView"/>, except that a
/// convolution has SCALE-Sim's output size E = ceil((H + 2P - R' + S) / S) (topology_utils), which
/// exceeds ours, floor((H + 2P - R') / S) + 1, when S does not divide H + 2P - R'.
/// </summary>
public static class ScaleSimLowering
{
    /// <summary>SCALE-Sim's output size along one axis (R' the dilated kernel extent).</summary>
    public static int OutputSize(int input, int pad, int effectiveKernel, int stride) =>
        (input + 2 * pad - effectiveKernel + stride + stride - 1) / stride;

    public static GemmView View(Layer layer)
    {
        var view = GemmView.Of(layer);
        if (layer is not ConvLayer c)
        {
            return view;
        }

        int e = OutputSize(c.InputHeight, c.PadH, c.EffectiveKernelHeight, c.StrideH);
        int f = OutputSize(c.InputWidth, c.PadW, c.EffectiveKernelWidth, c.StrideW);
        return view with { M = checked(e * f) };
    }

    /// <summary>SCALE-Sim's GEMM of a layer, named after it.</summary>
    /// <exception cref="Input.InputException">The layer's shape is impossible (names the layer).</exception>
    public static GemmProblem Lower(Layer layer, string workloadName)
    {
        GemmLowering.Lower(layer, workloadName);
        return GemmProblem.Of(layer.Name, View(layer));
    }
}
