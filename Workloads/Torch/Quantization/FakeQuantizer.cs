using QuantSim.Datapaths.Numerics;
using TorchSharp;
using static TorchSharp.torch;

namespace QuantSim.Workloads.Torch.Quantization;

/// <summary>
/// A fake-quantizing module whose code range is a datapath plug-in's <see cref="QuantizerSpec"/>: the
/// common part of weight and activation quantizers.
/// </summary>
public abstract class FakeQuantizer : nn.Module<Tensor, Tensor>
{
    protected FakeQuantizer(string name, QuantizerSpec spec) : base(name)
    {
        Spec = spec;
        CodeMin = spec.QMin.ToScalar();
        CodeMax = spec.QMax.ToScalar();
    }

    /// <summary>The plug-in's quantizer shape this module learns the parameters of.</summary>
    public QuantizerSpec Spec { get; }

    public int Bits => Spec.Bits;

    public int QMin => Spec.QMin;

    public int QMax => Spec.QMax;

    /// <summary>Whether every scale is a power of two (requantization by shift only).</summary>
    public abstract bool PowerOfTwo { get; }

    /// <summary><see cref="QMin"/> and <see cref="QMax"/> as Scalars that live as long as the module (see <see cref="FakeQuant"/>).</summary>
    protected Scalar CodeMin { get; }

    /// <inheritdoc cref="CodeMin"/>
    protected Scalar CodeMax { get; }
}
