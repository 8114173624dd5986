namespace QuantSim.Simulator.Systolic;

/// <summary>
/// The registers of operands that move one PE to the right every cycle, for all rows of the array.
/// Instead of copying every register to its right neighbour each cycle, each row is a window sliding
/// left over a longer buffer: after <see cref="Shift"/>, PE j of every row sees what PE j-1 held,
/// and column 0 is free for the value entering at the left edge. The window is moved back to the
/// end of the buffer once every <c>History</c> cycles, so a shift costs O(1) instead of O(C).
/// </summary>
internal sealed class ShiftRows
{
    private const int History = 512;

    private readonly int[] _buffer;
    private readonly int _rows;
    private readonly int _width;
    private readonly int _stride;
    private int _position;

    public ShiftRows(int rows, int width)
    {
        _rows = rows;
        _width = width;
        _stride = width + History;
        _buffer = new int[checked(rows * _stride)];
        _position = History;
    }

    /// <summary>Moves every register one PE right; column 0 of each row must then be written.</summary>
    public void Shift()
    {
        if (_position > 0)
        {
            _position--;
            return;
        }

        // Wrap: PE j (j >= 1) of the new window holds the old PE j-1.
        int next = History;
        for (int i = 0; i < _rows; i++)
        {
            int row = i * _stride;
            _buffer.AsSpan(row, _width - 1).CopyTo(_buffer.AsSpan(row + next + 1, _width - 1));
        }

        _position = next;
    }

    /// <summary>The <paramref name="row"/>'s registers, PE 0 first (width padded to whole vectors).</summary>
    public Span<int> Row(int row) => _buffer.AsSpan(row * _stride + _position, _width);
}
