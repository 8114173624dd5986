namespace QuantSim.Simulator.Memory;

/// <summary>
/// One DMA write-back: outputs (or spilled partial sums) the array finishes at <see cref="ReadyCycle"/>
/// in the stall-free schedule, <see cref="Bytes"/> to DRAM.
/// </summary>
public readonly record struct WriteSegment(long ReadyCycle, long Bytes, bool PartialSums);
