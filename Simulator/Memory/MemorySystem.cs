using QuantSim.Simulator.Dram;
using QuantSim.Simulator.Events;

namespace QuantSim.Simulator.Memory;

/// <summary>
/// Runs one layer's traffic plan against a DRAM model on the event kernel. Three processes:
/// <code>
///  DMA in     for each load (earliest need first): wait until its buffer half is free (the load two
///             before it in the same buffer released it; one before without double buffering), then
///             issue the DRAM read; the data is ready when the read completes.
///  array      for each load in need order: if the data is not ready at need + D, stall until it is
///             (D, the accumulated stall, shifts the rest of the layer's schedule: one global stall);
///             release the buffer half at release + D.
///  write-back for each write, once the array is past it: issue the DRAM write at ready + D.
/// </code>
/// The layer ends when the array finished (compute + D) and the last write completed. Loads of the
/// next layer start when this one ends (no prefetch across layers).
/// </summary>
public static class MemorySystem
{
    public static MemoryTiming Run(
        LayerTrafficPlan plan, long computeCycles, IDramModel dram, DramAddresses addresses, long layerStart, bool doubleBuffered)
    {
        var kernel = new EventKernel(layerStart);
        var loads = plan.Loads;
        // Names are formatted only for an error report (a deadlock): a layer can have tens of thousands of loads, so
        // each kind of signal is one family.
        var loaded = new SignalFamily(kernel, loads.Length, load => $"load {load} ({loads[load].Operand}) ready");
        var released = new SignalFamily(kernel, loads.Length, load => $"load {load} ({loads[load].Operand}) released");
        var writeCleared = new SignalFamily(kernel, plan.Writes.Length, write => $"write {write} cleared");

        long delay = 0;
        long[] stalls = new long[3];
        long lastWriteDone = layerStart;

        IEnumerable<Await> DmaIn()
        {
            // The loads in each operand's buffer halves, by operand.
            var lastInBuffer = new Queue<int>?[(int)Operand.Ofmap + 1];
            int slots = doubleBuffered ? 2 : 1;
            for (int i = 0; i < loads.Length; i++)
            {
                var load = loads[i];
                var queue = lastInBuffer[(int)load.Operand] ??= new Queue<int>();

                if (queue.Count == slots)
                {
                    yield return Await.For(released, queue.Dequeue());
                }

                queue.Enqueue(i);
                long readyAt = load.Bytes == 0
                    ? kernel.Now
                    : dram.Transfer(kernel.Now, addresses.Next(load.Operand, load.Bytes), load.Bytes, DramDirection.Read);
                kernel.FireAt(readyAt, loaded, i);
            }
        }

        IEnumerable<Await> Array()
        {
            int nextWrite = 0;
            for (int i = 0; i < loads.Length; i++)
            {
                yield return Await.For(loaded, i);
                long need = layerStart + loads[i].NeedCycle + delay;
                if (kernel.Now > need)
                {
                    stalls[(int)loads[i].Operand] += kernel.Now - need;
                    delay += kernel.Now - need;
                }

                kernel.FireAt(Math.Max(kernel.Now, layerStart + loads[i].ReleaseCycle + delay), released, i);

                // Outputs finished before the next load is needed can no longer be delayed: clear them.
                long horizon = i + 1 < loads.Length ? loads[i + 1].NeedCycle : long.MaxValue;
                while (nextWrite < plan.Writes.Length && plan.Writes[nextWrite].ReadyCycle <= horizon)
                {
                    kernel.FireAt(Math.Max(kernel.Now, layerStart + plan.Writes[nextWrite].ReadyCycle + delay), writeCleared, nextWrite);
                    nextWrite++;
                }
            }

            while (nextWrite < plan.Writes.Length)
            {
                kernel.FireAt(Math.Max(kernel.Now, layerStart + plan.Writes[nextWrite].ReadyCycle + delay), writeCleared, nextWrite);
                nextWrite++;
            }
        }

        IEnumerable<Await> WriteBack()
        {
            for (int w = 0; w < plan.Writes.Length; w++)
            {
                yield return Await.For(writeCleared, w);
                long done = dram.Transfer(kernel.Now, addresses.Next(Operand.Ofmap, plan.Writes[w].Bytes), plan.Writes[w].Bytes, DramDirection.Write);
                lastWriteDone = Math.Max(lastWriteDone, done);
            }
        }

        kernel.Start("dma-in", DmaIn());
        kernel.Start("array", Array());
        kernel.Start("write-back", WriteBack());
        kernel.RunToCompletion();

        long arrayEnd = layerStart + computeCycles + delay;
        long end = Math.Max(arrayEnd, lastWriteDone);
        return new MemoryTiming(end, stalls[(int)Operand.Ifmap], stalls[(int)Operand.Filter], stalls[(int)Operand.Ofmap] + (end - arrayEnd), kernel.ProcessedEvents);
    }
}
