using System.Collections.Immutable;
using QuantSim.Datapaths.Numerics;

namespace QuantSim.Workloads.Torch.Integer;

/// <summary>
/// h-swish on codes, exactly: the layer requantizes its accumulators to a pre-activation code (its kernel's
/// own output stage), and a table with one entry per pre-activation code gives the output code,
/// <c>q_out(hswish(s_pre·(q − z_pre)))</c>, with h-swish evaluated as x·min(max(x + 3, 0), 6)/6 in float64,
/// the operation order of the fake-quantized network. A 2^b-entry table is what a datapath would store.
/// </summary>
public sealed record HSwishTable(int MinCode, ImmutableArray<int> Codes)
{
    public static HSwishTable Of(QuantizationScheme preActivation, QuantizationScheme output) =>
        new(preActivation.QMin, [.. Enumerable.Range(preActivation.QMin, preActivation.QMax - preActivation.QMin + 1)
            .Select(q => output.Quantize(HSwish(preActivation.Dequantize(q))))]);

    public static double HSwish(double x) => x * Math.Clamp(x + 3, 0, 6) / 6;

    public int this[int code] => Codes[code - MinCode];
}
