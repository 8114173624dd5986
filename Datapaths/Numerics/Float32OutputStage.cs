using System.Collections.Immutable;

namespace QuantSim.Datapaths.Numerics;

/// <summary>
/// ONNX Runtime's requantization of QLinearConv and QLinearMatMul on the CPU, once per output:
/// <code>
/// acc' = wrap(acc − z_w·Σx + bias'[c])                          // AccumulatorOutput
/// v    = float32(acc') ·f32 scale[c]                              // one float32 multiply
/// out  = roundHalfEven(clamp(v, qmin − z_out, qmax − z_out)) + z_out
/// </code>
/// with <c>scale[c] = (s_in ·f32 s_w[c]) /f32 s_out</c>, every step in float32 and in that order. The order is
/// ONNX Runtime's: <c>QLinearConv::ComputeOutputScale</c> and <c>QLinearMatMul::Compute</c>
/// (onnxruntime/core/providers/cpu/quantization/qlinearconv.cc, quantize_linear_matmul.cc) compute
/// <c>X_scale * W_scale[i] / Y_scale</c> in float; MLAS <c>MlasRequantizeOutput</c>
/// (onnxruntime/core/mlas/lib/quantize.cpp) adds the int32 bias, converts to float
/// (<c>_mm_cvtepi32_ps</c>), multiplies by the scale, clamps to [min − zp, max − zp] in float, converts with
/// <c>_mm_cvtps_epi32</c> (round to nearest even under the default MXCSR) and adds the zero point.
/// Clamping before or after the rounding gives the same code (the bounds are integers), and clamping
/// first keeps the conversion in range for any accumulator.
/// </summary>
public sealed class Float32OutputStage : IOutputStage
{
    private readonly AccumulatorOutput _corrections;
    private readonly ImmutableArray<float> _scales;
    private readonly int _outputZeroPoint;
    private readonly int _qMin;
    private readonly int _qMax;

    public Float32OutputStage(AccumulatorOutput corrections, ImmutableArray<float> scales, int outputZeroPoint, int qMin, int qMax)
    {
        if (scales.IsDefaultOrEmpty)
        {
            throw new ArgumentException("one scale per layer or one per output channel", nameof(scales));
        }

        foreach (float s in scales)
        {
            if (!float.IsFinite(s) || s < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(scales), s, "a rescale factor must be finite and non-negative in float32");
            }
        }

        _corrections = corrections;
        _scales = scales;
        _outputZeroPoint = outputZeroPoint;
        _qMin = qMin;
        _qMax = qMax;
    }

    public ImmutableArray<float> Scales => _scales;

    public bool NeedsActivationRowSums => _corrections.NeedsActivationRowSums;

    /// <summary>ONNX Runtime's float32 rescale factor of each weight scale: (s_in · s_w[c]) / s_out, in float32.</summary>
    public static ImmutableArray<float> ScalesOf(LayerQuantization q)
    {
        var output = q.Output ?? throw new InvalidOperationException("a layer that writes accumulators has no rescale factor");
        float input = (float)q.Input.Scale(), target = (float)output.Scale();
        return [.. q.Weights.Scales.Select(w => input * (float)w / target)];
    }

    public int Finish(long accumulator, int channel, long activationRowSum)
    {
        int corrected = _corrections.Finish(accumulator, channel, activationRowSum);
        float scale = _scales.Length == 1 ? _scales[0] : _scales[channel];
        float value = Math.Clamp((float)corrected * scale, _qMin - _outputZeroPoint, _qMax - _outputZeroPoint);
        return (int)Math.Clamp((long)MathF.Round(value, MidpointRounding.ToEven) + _outputZeroPoint, _qMin, _qMax);
    }
}
