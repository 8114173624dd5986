namespace QuantSim.Simulator.Activity;

/// <summary>An action priced by one bit width alone (an add, a shift, a register write, a DRAM bit run...).</summary>
public abstract record WidthAction : ActivityAction
{
    private readonly string _kind;

    private protected WidthAction(int bits, string kind)
    {
        RequireBits(bits, nameof(bits));
        Width = bits;
        _kind = kind;
    }

    public int Width { get; }

    public override string SortKey => $"{_kind}({Bits(Width)})";
}
