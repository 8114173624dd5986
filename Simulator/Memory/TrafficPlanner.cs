using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;
using QuantSim.Simulator.Planning;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Memory;

/// <summary>
/// Decides what the DMA engine moves for each fold, and when the array needs it. The reuse rules
/// (a documented choice; folds run group, column fold, row fold as in <see cref="ArrayMapping"/>):
/// <list type="bullet">
/// <item>An operand whose whole tensor fits in one buffer half (the whole buffer when not double
/// buffered) is <b>resident</b>: each slice is fetched from DRAM the first time a fold uses it, never again.</item>
/// <item>Otherwise a slice is fetched whenever a fold needs a different slice than the fold before
/// (OS: weights stay for the row folds of a column fold; WS: the input K-slice is re-fetched for every
/// column fold; IS: the weight K-slice likewise). A slice bigger than a buffer half is streamed in
/// chunks, each needed when the array reaches its share of the fold's T cycles.</item>
/// <item>The stationary tile (WS weights, IS inputs) is needed when its preload starts; streamed
/// operands when their stream starts. A buffer half is released when the array has read it.</item>
/// <item>Partial sums (WS/IS) accumulate in the ofmap buffer when a fold's output tile (time tile x
/// used columns, see <see cref="TemporalTiling"/>) fits a half; otherwise every row fold but the last
/// spills them to DRAM and every row fold but the first reads them back (at accumulator width).
/// Final outputs go to DRAM at activation width.</item>
/// </list>
/// </summary>
public static class TrafficPlanner
{
    public static LayerTrafficPlan Plan(LayerPlan plan, BufferSetConfig buffers, Precision precision)
    {
        var (layer, mapping, schedule) = (plan.Layer, plan.Mapping, plan.Schedule());
        var p = mapping.Problem;
        long Bytes(long elements, int bits) => (elements * bits + 7) / 8;
        long Half(BufferConfig b) => buffers.DoubleBuffered ? b.CapacityBytes / 2 : b.CapacityBytes;
        long ifmapSlot = Half(buffers.Ifmap), filterSlot = Half(buffers.Filter), ofmapSlot = Half(buffers.Ofmap);

        var footprint = new IfmapFootprint(layer, p.M, p.K);
        bool ifmapResident = Bytes(footprint.GroupElements * p.Groups, precision.ActivationBits) <= ifmapSlot;
        bool filterResident = Bytes((long)p.K * p.N * p.Groups, precision.WeightBits) <= filterSlot;
        var dataflow = mapping.Dataflow;

        // Sized for what every plan has, so the lists rarely grow (a sweep point's allocations are mostly these lists,
        // and its collections pause every core): two loads a fold (each operand has a segment, empty or not), and the
        // final outputs, once a fold for OS and once a row-fold sweep for WS/IS.
        int folds = (int)Math.Min(mapping.Folds, 1 << 24);
        var loads = new List<LoadSegment>(2 * folds);
        var writes = new List<WriteSegment>(mapping.Dataflow == Dataflow.OutputStationary ? folds : folds / mapping.RowFolds);
        var loadedA = new HashSet<(int, long, long, long, long)>();
        var loadedB = new HashSet<(int, long, long, long, long)>();
        (int, long, long, long, long)? prevA = null, prevB = null;
        long ifmapDram = 0, filterDram = 0, psumRead = 0, outputDram = 0, psumWrite = 0;
        long peakIfmap = 0, peakFilter = 0, peakOfmap = 0;
        bool spill = false;
        int f = 0;
        foreach (var fold in mapping.EnumerateFolds())
        {
            long r0 = fold.RowOffset, r1 = fold.RowOffset + fold.UsedRows;
            long c0 = fold.ColOffset, c1 = fold.ColOffset + fold.UsedCols;
            long t0 = fold.TimeOffset, t1 = fold.TimeOffset + fold.UsedTime;
            var (m0, m1, n0, n1, k0, k1) = dataflow switch
            {
                Dataflow.OutputStationary => (r0, r1, c0, c1, 0L, (long)p.K),
                Dataflow.WeightStationary => (t0, t1, c0, c1, r0, r1),
                _ => (c0, c1, t0, t1, r0, r1),
            };
            var aKey = (fold.Group, m0, m1, k0, k1);
            var bKey = (fold.Group, k0, k1, n0, n1);
            long aBytes = Bytes(footprint.Elements(m0, m1, k0, k1), precision.ActivationBits);
            long bBytes = Bytes((k1 - k0) * (n1 - n0), precision.WeightBits);
            long aFetch = Fetch(aKey, aBytes, ifmapResident, ifmapSlot, loadedA, ref prevA);
            long bFetch = Fetch(bKey, bBytes, filterResident, filterSlot, loadedB, ref prevB);
            ifmapDram += aFetch;
            filterDram += bFetch;
            peakIfmap = Math.Max(peakIfmap, Math.Min(aBytes, ifmapSlot));
            peakFilter = Math.Max(peakFilter, Math.Min(bBytes, filterSlot));

            long stream = schedule.StreamStart[f];
            // Edge streams are skewed: row i reads its operand i cycles after row 0 (column j: j cycles).
            // A stationary tile leaves the SRAM over the R cycles of its load into the PEs' shadow registers.
            long rows = mapping.Rows, cols = mapping.Cols;
            switch (dataflow)
            {
                case Dataflow.OutputStationary:
                    AddStreamed(loads, Operand.Ifmap, aFetch, ifmapSlot, stream, fold.UsedTime, rows);
                    AddStreamed(loads, Operand.Filter, bFetch, filterSlot, stream, fold.UsedTime, cols);
                    break;
                case Dataflow.WeightStationary:
                    loads.Add(new LoadSegment(Operand.Filter, schedule.LoadStart[f], schedule.LoadStart[f] + rows, bFetch));
                    AddStreamed(loads, Operand.Ifmap, aFetch, ifmapSlot, stream, fold.UsedTime, rows);
                    break;
                default:
                    loads.Add(new LoadSegment(Operand.Ifmap, schedule.LoadStart[f], schedule.LoadStart[f] + rows, aFetch));
                    AddStreamed(loads, Operand.Filter, bFetch, filterSlot, stream, fold.UsedTime, rows);
                    break;
            }

            long outputsReady = schedule.LastOutput[f] + 1;
            long tileOutputs = (m1 - m0) * (n1 - n0);
            if (dataflow == Dataflow.OutputStationary || fold.RowFold == mapping.RowFolds - 1)
            {
                long bytes = Bytes(tileOutputs, precision.ActivationBits);
                writes.Add(new WriteSegment(outputsReady, bytes, PartialSums: false));
                outputDram += bytes;
            }

            if (dataflow != Dataflow.OutputStationary)
            {
                long psumBytes = Bytes(tileOutputs, precision.AccumulatorBits);
                peakOfmap = Math.Max(peakOfmap, Math.Min(psumBytes, ofmapSlot));
                if (psumBytes > ofmapSlot && mapping.RowFolds > 1)
                {
                    spill = true;
                    if (fold.RowFold > 0)
                    {
                        loads.Add(new LoadSegment(Operand.Ofmap, stream, schedule.LastOutput[f] + 1, psumBytes));
                        psumRead += psumBytes;
                    }

                    if (fold.RowFold < mapping.RowFolds - 1)
                    {
                        writes.Add(new WriteSegment(outputsReady, psumBytes, PartialSums: true));
                        psumWrite += psumBytes;
                    }
                }
            }
            else
            {
                peakOfmap = Math.Max(peakOfmap, Math.Min(Bytes(tileOutputs, precision.AccumulatorBits), ofmapSlot));
            }

            f++;
        }

        return new LayerTrafficPlan(
            StableOrder.By(loads, l => l.NeedCycle),
            StableOrder.By(writes, w => w.ReadyCycle),
            ifmapDram, filterDram, psumRead, outputDram, psumWrite,
            ifmapResident, filterResident, spill, peakIfmap, peakFilter, peakOfmap);
    }

    /// <summary>Bytes a fold must fetch for one operand slice under the reuse rules.</summary>
    private static long Fetch<TKey>(TKey key, long bytes, bool resident, long slot, HashSet<TKey> loaded, ref TKey? previous)
        where TKey : struct
    {
        bool sameAsPrevious = previous is { } prev && prev.Equals(key) && bytes <= slot;
        previous = key;
        if (resident)
        {
            return loaded.Add(key) ? bytes : 0;
        }

        return sameAsPrevious ? 0 : bytes;
    }

    /// <summary>
    /// A streamed slice in as many chunks as it takes to fit a buffer half; chunk i is needed when the
    /// stream reaches i/c of the fold's T cycles and released once the skewed array has read it.
    /// </summary>
    private static void AddStreamed(List<LoadSegment> loads, Operand operand, long bytes, long slot, long start, long t, long skew)
    {
        long chunks = Math.Max(1, (bytes + slot - 1) / slot);
        for (long i = 0; i < chunks; i++)
        {
            long need = start + i * t / chunks;
            long release = start + (i + 1) * t / chunks + skew;
            long share = bytes * (i + 1) / chunks - bytes * i / chunks;
            loads.Add(new LoadSegment(operand, need, release, share));
        }
    }
}
