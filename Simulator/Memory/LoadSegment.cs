namespace QuantSim.Simulator.Memory;

/// <summary>
/// One DMA load into one buffer: <see cref="Bytes"/> from DRAM (0 when the data is already on chip)
/// that the array needs by <see cref="NeedCycle"/> and stops reading at <see cref="ReleaseCycle"/>
/// (both in the stall-free schedule, relative to the layer's start).
/// </summary>
public readonly record struct LoadSegment(Operand Operand, long NeedCycle, long ReleaseCycle, long Bytes);
