using QuantSim.Datapaths.Numerics;
using static TorchSharp.torch;

namespace QuantSim.Workloads.Torch.Quantization;

/// <summary>
/// Fake-quantizes one layer's weights to the codes of the datapath plug-in's weight <see cref="FakeQuantizer.Spec"/>
/// (signed, <c>[-2^(b-1), 2^(b-1)-1]</c>: LSQ's Q_N, Q_P) with one scale per output channel or per tensor
/// and no zero point: <c>ŵ = s·clamp(round(w/s), -Q_N, Q_P)</c>.
/// </summary>
public abstract class WeightQuantizer : FakeQuantizer
{
    protected WeightQuantizer(string name, QuantizerSpec spec) : base(name, spec)
    {
    }

    /// <summary>Sets data-dependent initial state from the trained float weights.</summary>
    public abstract void Initialize(Tensor weight);

    /// <summary>The scale of each output channel, shape [C_out] (per-tensor quantizers repeat one value).</summary>
    public abstract Tensor Scale(Tensor weight);

    public override Tensor forward(Tensor weight) => Quantize(weight, Scale(weight));

    /// <summary>Fake quantization with the given per-channel scale (shape [C_out]).</summary>
    public Tensor Quantize(Tensor weight, Tensor scale)
    {
        Tensor s = Broadcastable(scale, weight);
        return FakeQuant.Round((weight / s).clamp(CodeMin, CodeMax), training) * s;
    }

    /// <summary>The integer codes and per-channel scales the hardware stores.</summary>
    public (int[] Codes, double[] Scales) Export(Tensor weight)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        Tensor scale = Scale(weight);
        Tensor codes = FakeQuant.RoundHalfUp((weight / Broadcastable(scale, weight)).clamp(CodeMin, CodeMax));
        return (codes.contiguous().to_type(ScalarType.Int32).data<int>().ToArray(),
                scale.expand(weight.shape[0]).contiguous().to_type(ScalarType.Float64).data<double>().ToArray());
    }

    /// <summary>Shape [C_out, 1, ...] so a per-channel scale divides every weight of its channel.</summary>
    protected static Tensor Broadcastable(Tensor scale, Tensor weight)
    {
        var shape = new long[weight.dim()];
        Array.Fill(shape, 1L);
        shape[0] = weight.shape[0];
        return scale.expand(weight.shape[0]).reshape(shape);
    }
}
