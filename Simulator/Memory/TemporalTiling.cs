using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;

namespace QuantSim.Simulator.Memory;

/// <summary>
/// The reuse order for partial sums, a documented choice: when a weight- or input-stationary layer
/// needs several row folds to cover its contracted dimension, its partial sums (streamed length x
/// array columns, at accumulator width) must stay on chip from the first row fold to the last. If they
/// do not fit one half of the ofmap buffer, the streamed dimension is tiled in time to the longest
/// slice that fits, and the row folds run once per slice (<see cref="ArrayMapping.TemporalTile"/>):
/// stationary tiles are then reloaded once per slice, which costs far less than spilling partial sums
/// to DRAM and reading them back. Output stationary and single-row-fold layers are never tiled (nor
/// is anything under SCALE-Sim timing, which does not call this).
/// </summary>
public static class TemporalTiling
{
    public static ArrayMapping Apply(ArrayMapping mapping, BufferSetConfig buffers, int accumulatorBits)
    {
        if (mapping.Dataflow == Dataflow.OutputStationary || mapping.RowFolds == 1)
        {
            return mapping;
        }

        long slotBits = (buffers.DoubleBuffered ? buffers.Ofmap.CapacityBytes / 2 : buffers.Ofmap.CapacityBytes) * 8;
        long fits = slotBits / ((long)mapping.Cols * accumulatorBits);
        return fits >= mapping.T ? mapping : mapping with { TemporalTile = (int)Math.Max(1, fits) };
    }
}
