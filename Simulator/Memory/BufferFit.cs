using System.Globalization;
using QuantSim.Datapaths.Hardware;
using QuantSim.Simulator.Config;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Memory;

/// <summary>
/// The one buffer rule: the smallest unit a fold cannot split must fit a buffer half (the whole
/// buffer when not double buffered): the stationary tile (R x C weights for WS, inputs for IS) and one
/// step of each stream (R operands entering the rows; for OS also C weights entering the columns). C is the logical array's width: a PE doing
/// p MACs per cycle (bit-composable at low precision) is timed as p columns. Everything larger is
/// streamed or tiled by the traffic planner, and partial sums that do not fit spill to DRAM, so no
/// other capacity is required. The config reader checks it at the config's precision (so
/// <c>validate</c> refuses what <c>simulate</c> would), the simulator at each layer's own precision.
/// </summary>
public static class BufferFit
{
    /// <summary>A buffer that is too small: which one (<c>ifmap</c>, <c>filter</c>) and why.</summary>
    public sealed record Problem(string Buffer, string Message)
    {
        public string Field => $"buffers.{Buffer}.capacity_kib";
    }

    public static IReadOnlyList<Problem> Check(ArrayConfig array, BufferSetConfig buffers, Precision precision, PeThroughput throughput)
    {
        int rows = array.Rows;
        long cols = (long)array.Cols * LogicalColumnsPerPe(throughput);
        long tile = rows * cols;
        string half = buffers.DoubleBuffered ? "half of the double-buffered" : "the";
        var problems = new List<Problem>();
        void Need(string buffer, BufferConfig config, long bits, string what)
        {
            long bytes = (bits + 7) / 8;
            long slot = buffers.DoubleBuffered ? config.CapacityBytes / 2 : config.CapacityBytes;
            if (bytes > slot)
            {
                long total = buffers.DoubleBuffered ? 2 * bytes : bytes;
                string kib = (total / 1024.0).ToString("0.###", CultureInfo.InvariantCulture);
                problems.Add(new(buffer,
                    $"a fold needs {bytes} bytes of {what} at {precision.Name}, but {half} {buffer} buffer holds {slot} bytes; allowed: at least {kib} KiB"));
            }
        }

        switch (array.Dataflow)
        {
            case Dataflow.WeightStationary:
                Need("ifmap", buffers.Ifmap, (long)rows * precision.ActivationBits, $"inputs (one step of the stream, {rows} rows)");
                Need("filter", buffers.Filter, tile * precision.WeightBits, $"stationary weights ({rows}x{cols} tile)");
                break;
            case Dataflow.InputStationary:
                Need("ifmap", buffers.Ifmap, tile * precision.ActivationBits, $"stationary inputs ({rows}x{cols} tile)");
                Need("filter", buffers.Filter, (long)rows * precision.WeightBits, $"weights (one step of the stream, {rows} rows)");
                break;
            default:
                Need("ifmap", buffers.Ifmap, (long)rows * precision.ActivationBits, $"inputs (one column of the stream, {rows} rows)");
                Need("filter", buffers.Filter, cols * precision.WeightBits, $"weights (one row of the stream, {cols} columns)");
                break;
        }

        return problems;
    }

    /// <summary>How many logical columns one PE counts as: p for a PE doing p/q MACs per cycle in lowest terms.</summary>
    public static int LogicalColumnsPerPe(PeThroughput throughput) => throughput.Macs;
}
