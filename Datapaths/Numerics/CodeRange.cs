namespace QuantSim.Datapaths.Numerics;

/// <summary>The integer codes an operand register can hold.</summary>
public readonly record struct CodeRange(int Min, int Max)
{
    public static CodeRange Of(QuantizerSpec spec) => new(spec.QMin, spec.QMax);

    public bool Contains(int code) => code >= Min && code <= Max;
}
