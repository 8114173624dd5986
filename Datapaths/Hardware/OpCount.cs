namespace QuantSim.Datapaths.Hardware;

/// <summary>How many operations of one kind and width a layer performs: what the energy model prices.</summary>
public sealed record OpCount(OpKind Kind, int Bits, int SecondBits, long Count);
