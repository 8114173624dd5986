namespace QuantSim.Datapaths.Hardware;

/// <summary>A piece of hardware whose area an area table prices by kind and width.</summary>
public enum ComponentKind
{
    Multiplier,
    Adder,
    Register,
    Shifter,
    Comparator,
    AndArray,
}
