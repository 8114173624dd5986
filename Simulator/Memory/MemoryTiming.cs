namespace QuantSim.Simulator.Memory;

/// <summary>
/// What the memory system added to a layer: when it ended (absolute cycle), the stall cycles charged
/// to each operand (a late load stalls the whole array; the output write-back still in flight after
/// the array finished counts against ofmap), the peak number of loads in flight, and the events used.
/// </summary>
public sealed record MemoryTiming(long EndCycle, long IfmapStalls, long FilterStalls, long OfmapStalls, long Events)
{
    public long StallCycles => IfmapStalls + FilterStalls + OfmapStalls;
}
