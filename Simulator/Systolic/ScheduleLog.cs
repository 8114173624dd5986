namespace QuantSim.Simulator.Systolic;

/// <summary>
/// The edge skew buffers of the array, shared by all rows and columns: what the controller issued
/// to row 0 in each recent cycle (fold index and position in the stream). Row i replays it i cycles
/// later and column j j cycles later, which is exactly the systolic skew; the output-port address
/// generator uses it to know which element a PE is emitting.
/// </summary>
internal sealed class ScheduleLog
{
    private readonly int[] _fold;
    private readonly int[] _index;
    private readonly int _mask;

    public ScheduleLog(int depth)
    {
        int size = 1;
        while (size < depth + 2)
        {
            size <<= 1;
        }

        _fold = new int[size];
        _index = new int[size];
        _mask = size - 1;
        Array.Fill(_fold, -1);
    }

    public void Record(long cycle, int fold, int index)
    {
        _fold[cycle & _mask] = fold;
        _index[cycle & _mask] = index;
    }

    public bool TryGet(long cycle, out int fold, out int index)
    {
        if (cycle < 0)
        {
            fold = -1;
            index = 0;
            return false;
        }

        fold = _fold[cycle & _mask];
        index = _index[cycle & _mask];
        return fold >= 0;
    }
}
