namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>
/// For every address of one operand, the ascending ids of the (FIFO) sets that hold it, so that
/// "is the address in sets [a, b)?" costs O(1) amortised instead of one hash lookup per set. Sets below
/// the window start are dropped lazily when queried (the window start never moves back), and their
/// nodes are recycled.
/// </summary>
internal sealed class AddressSetIndex
{
    private readonly int minAddress;
    private readonly int[] head;
    private readonly int[] tail;
    private int[] nodeSet = new int[1024];
    private int[] nodeNext = new int[1024];
    private int nodeCount;
    private int freeList = -1;

    public AddressSetIndex(int minAddress, int maxAddress)
    {
        this.minAddress = minAddress;
        int span = checked(maxAddress - minAddress + 1);
        head = new int[span];
        tail = new int[span];
        Array.Fill(head, -1);
        Array.Fill(tail, -1);
    }

    /// <summary>The newest set holding <paramref name="addr"/>, or -1.</summary>
    public int LastSet(int addr)
    {
        int t = tail[Slot(addr)];
        return t < 0 ? -1 : nodeSet[t];
    }

    public void Append(int addr, int setId)
    {
        int slot = Slot(addr);
        int node = NewNode(setId);
        if (tail[slot] < 0)
        {
            head[slot] = node;
        }
        else
        {
            nodeNext[tail[slot]] = node;
        }

        tail[slot] = node;
    }

    /// <summary>Whether a set in [<paramref name="from"/>, <paramref name="to"/>) holds <paramref name="addr"/>.</summary>
    public bool AnyIn(int addr, int from, int to)
    {
        int slot = Slot(addr);
        int node = head[slot];
        while (node >= 0 && nodeSet[node] < from)
        {
            int next = nodeNext[node];
            nodeNext[node] = freeList;
            freeList = node;
            node = next;
        }

        head[slot] = node;
        if (node < 0)
        {
            tail[slot] = -1;
            return false;
        }

        return nodeSet[node] < to;
    }

    private int Slot(int addr)
    {
        int slot = addr - minAddress;
        if ((uint)slot >= (uint)head.Length)
        {
            throw new InvalidOperationException($"Address {addr} is outside the operand's range.");
        }

        return slot;
    }

    private int NewNode(int setId)
    {
        int node;
        if (freeList >= 0)
        {
            node = freeList;
            freeList = nodeNext[node];
        }
        else
        {
            if (nodeCount == nodeSet.Length)
            {
                Array.Resize(ref nodeSet, nodeSet.Length * 2);
                Array.Resize(ref nodeNext, nodeNext.Length * 2);
            }

            node = nodeCount++;
        }

        nodeSet[node] = setId;
        nodeNext[node] = -1;
        return node;
    }
}
