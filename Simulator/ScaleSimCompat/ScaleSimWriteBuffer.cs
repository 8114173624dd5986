namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>
/// SCALE-Sim v2's OFMAP write buffer (<c>memory/write_buffer.py</c>). Written words are packed into
/// lines of <c>bandwidth</c> words. When occupancy exceeds the active half and no drain is in flight,
/// the partial line is closed and the next ceil(drain half / bandwidth) lines are drained to DRAM, one
/// line per cycle, starting in the current cycle (issuing the drain costs the array nothing). The array
/// stalls only when the buffer is full while a drain is still in flight. After the last row every line
/// left is drained in chunks. A drained chunk counts all its words except the -1 padding of its last
/// line, so padding of an earlier closed line is counted (SCALE-Sim's small DRAM write over-count).
/// </summary>
internal sealed class ScaleSimWriteBuffer
{
    private readonly long activeSize;
    private readonly int bandwidth;
    private readonly long linesPerDrain;

    // Valid words per closed line not yet drained, from drainStartLine (all but forced partial lines hold `bandwidth`).
    private int[] lineWords = new int[256];
    private int lineCount;
    private int lineFill;
    private long freeSpace;
    private int drainStartLine;
    private long drainEndCycle;

    public ScaleSimWriteBuffer(long sizeWords, int bandwidth, Action<long, long>? onDramRows = null)
    {
        Dram = new DramActivity(onDramRows);
        ArgumentOutOfRangeException.ThrowIfLessThan(bandwidth, 1);
        activeSize = (sizeWords + 1) / 2;
        long drainSize = sizeWords - activeSize;
        this.bandwidth = bandwidth;
        linesPerDrain = (drainSize + bandwidth - 1) / bandwidth;
        freeSpace = sizeWords;
    }

    public DramActivity Dram { get; }

    /// <summary>Accepts one demand row of OFMAP writes at <paramref name="cycle"/>; returns the cycle the row is accepted.</summary>
    public long Service(ReadOnlySpan<int> row, long cycle)
    {
        long current = cycle;
        foreach (int addr in row)
        {
            if (addr == -1)
            {
                continue;
            }

            Store();
            if (current < drainEndCycle)
            {
                if (freeSpace <= 0)
                {
                    current = drainEndCycle;
                }
            }
            else if (freeSpace < activeSize)
            {
                CloseLine();
                drainEndCycle = Drain(current);
            }
        }

        return current;
    }

    /// <summary>
    /// <see cref="Service"/> for a row of <paramref name="count"/> writes: the buffer never looks at the addresses,
    /// only at how many there are, so it jumps from one drain decision or stall to the next instead of taking the
    /// words one by one (the fold-level emulation writes every OFMAP row this way).
    /// </summary>
    public long Accept(long count, long cycle)
    {
        long current = cycle;
        while (count > 0)
        {
            bool draining = current < drainEndCycle;
            long untilDecision = WordsUntilDecision(draining);
            if (untilDecision > count)
            {
                Store(count);
                return current;
            }

            Store(untilDecision);
            count -= untilDecision;
            if (draining)
            {
                current = drainEndCycle;
            }
            else
            {
                CloseLine();
                drainEndCycle = Drain(current);
            }
        }

        return current;
    }

    /// <summary>
    /// <see cref="Accept"/> for up to <paramref name="rows"/> consecutive rows of <paramref name="words"/> writes each,
    /// row i arriving at <paramref name="cycle"/> + i: whole rows whose words all come before the next drain decision
    /// (and, while a drain is in flight, before it ends) are stored at once, the row holding a decision word by word.
    /// Stops after the first row that stalls, since every later row arrives later by the stall.
    /// </summary>
    /// <returns>The rows taken and the stall of the last of them (0 when none stalled).</returns>
    public (long Rows, long Stall) AcceptRows(long rows, int words, long cycle)
    {
        long done = 0;
        while (done < rows)
        {
            long current = cycle + done;
            bool draining = current < drainEndCycle;
            long untilDecision = WordsUntilDecision(draining);
            long clear = Math.Min(rows - done, (untilDecision - 1) / words);
            if (draining)
            {
                // At the drain's end cycle the rule changes, so the run of whole rows ends there.
                clear = Math.Min(clear, drainEndCycle - current);
            }

            if (clear > 0)
            {
                Store(clear * words);
                done += clear;
                continue;
            }

            long accepted = Accept(words, current);
            done++;
            if (accepted != current)
            {
                return (done, accepted - current);
            }
        }

        return (done, 0);
    }

    /// <summary>SCALE-Sim's <c>empty_all_buffers</c>: drains everything left, chunk after chunk, from <paramref name="cycle"/>.</summary>
    public void Flush(long cycle)
    {
        CloseLine();
        while (drainStartLine < lineCount)
        {
            drainEndCycle = Drain(cycle);
            cycle = drainEndCycle + 1;
        }
    }

    private void Store()
    {
        lineFill++;
        freeSpace--;
        if (lineFill == bandwidth)
        {
            CloseLine();
        }
    }

    /// <summary>
    /// Which word from now decides something (1 = the next): while a drain is in flight, the word that leaves no free
    /// space stalls the row until the drain ends; otherwise the word that leaves less than the active half free
    /// starts a drain.
    /// </summary>
    private long WordsUntilDecision(bool draining) => Math.Max(1, draining ? freeSpace : freeSpace - activeSize + 1);

    /// <summary><paramref name="words"/> calls of <see cref="Store()"/>: the full lines closed, the rest left open.</summary>
    private void Store(long words)
    {
        long filled = lineFill + words;
        int full = checked((int)(filled / bandwidth));
        MakeRoom(full);

        for (int end = lineCount + full; lineCount < end; lineCount++)
        {
            lineWords[lineCount] = bandwidth;
        }

        lineFill = (int)(filled % bandwidth);
        freeSpace -= words;
    }

    private void CloseLine()
    {
        if (lineFill == 0)
        {
            return;
        }

        MakeRoom(1);

        lineWords[lineCount++] = lineFill;
        lineFill = 0;
    }

    /// <summary>
    /// Room for <paramref name="lines"/> more closed lines. Drained lines are never read again, so they are dropped
    /// first: the array holds the lines not yet drained (at most the buffer's), not every line of the layer.
    /// </summary>
    private void MakeRoom(int lines)
    {
        if (lineCount + lines <= lineWords.Length)
        {
            return;
        }

        Array.Copy(lineWords, drainStartLine, lineWords, 0, lineCount - drainStartLine);
        lineCount -= drainStartLine;
        drainStartLine = 0;
        if (lineCount + lines > lineWords.Length)
        {
            Array.Resize(ref lineWords, Math.Max(lineWords.Length * 2, lineCount + lines));
        }
    }

    private long Drain(long startCycle)
    {
        int end = (int)Math.Min(drainStartLine + linesPerDrain, lineCount);
        int lines = end - drainStartLine;
        if (lines == 0)
        {
            throw new InvalidOperationException("SCALE-Sim's write buffer would drain an empty chunk (it crashes there).");
        }

        long words = ((long)lines * bandwidth) - (bandwidth - lineWords[end - 1]);
        long endCycle = startCycle + lines - 1;
        Dram.Add(words, startCycle, endCycle);
        freeSpace += words;
        drainStartLine = end;
        return endCycle;
    }
}
