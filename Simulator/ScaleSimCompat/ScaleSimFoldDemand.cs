using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;

namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>
/// One layer's <see cref="ScaleSimDemand"/> matrices, fold by fold, written straight into a reused
/// buffer: the same rows as <see cref="ScaleSimDemand.Build"/> (the table there), with the address
/// arithmetic hoisted out of the inner loops (<see cref="IfmapAddressTable"/>; filter and ofmap
/// addresses are linear in both indices). The emulation streams every address of a layer through
/// here, so this is the form it runs; <see cref="ScaleSimDemand.Build"/> stays the readable reference
/// the tests compare it with.
/// </summary>
internal sealed class ScaleSimFoldDemand
{
    private readonly ArrayMapping map;
    private readonly ScaleSimAddressing a;
    private readonly IfmapAddressTable ifmap;

    public ScaleSimFoldDemand(ArrayMapping mapping, ScaleSimAddressing address)
    {
        if (mapping.Problem.Groups != 1)
        {
            throw new ArgumentException("SCALE-Sim demand matrices exist for ungrouped layers only.", nameof(mapping));
        }

        map = mapping;
        a = address;
        ifmap = new IfmapAddressTable(address, mapping.Problem.M, mapping.Problem.K);
    }

    /// <summary>The layer's IFMAP addresses, A[m][k].</summary>
    public IfmapAddressTable Ifmap => ifmap;

    /// <summary>Ports (columns) of an operand's demand matrix.</summary>
    public int Ports(ScaleSimOperand operand) => ScaleSimDemand.PortCount(map, operand);

    /// <summary>
    /// Fold <paramref name="fold"/> of <paramref name="operand"/>'s demand matrix, row-major into
    /// <paramref name="buffer"/> (<see cref="ScaleSimTiming.FoldRows"/> x <see cref="Ports"/>, -1 = idle).
    /// </summary>
    public void Fill(Fold fold, ScaleSimOperand operand, int[] buffer) =>
        Fill(fold, operand, buffer, 0, checked((int)ScaleSimTiming.FoldRows(map.Rows, map.Cols, map.T, map.Dataflow)));

    /// <summary>
    /// Rows <paramref name="first"/> .. <paramref name="first"/> + <paramref name="count"/> − 1 of fold
    /// <paramref name="fold"/>'s demand matrix, row-major into <paramref name="buffer"/> (row <paramref name="first"/>
    /// at index 0). A fold of a wide array streams tens of thousands of rows; the emulation takes them a window at
    /// a time, so its buffers stay the size of a window, not of a fold.
    /// </summary>
    public void Fill(Fold fold, ScaleSimOperand operand, int[] buffer, int first, int count)
    {
        int ports = Ports(operand);
        // A plain loop: the generic Span.Fill has no ReadyToRun code here and would run unoptimized in a short process.
        for (int x = 0, n = checked(count * ports); x < n; x++)
        {
            buffer[x] = -1;
        }

        int end = first + count;
        int r = map.Rows, t = map.T;
        int ru = fold.UsedRows, cu = fold.UsedCols, o0 = fold.RowOffset, c0 = fold.ColOffset;
        int window = a.WindowSize, filterBase = a.FilterOffset, ofmapBase = a.OfmapOffset, filters = a.Filters;

        // A skewed stream puts its element x on row y0 + x of one port: the x that land in the window.
        int From(int y0) => Math.Max(0, first - y0);
        int To(int y0, int length) => Math.Min(length, end - y0);
        int At(int y, int port) => ((y - first) * ports) + port;

        switch (map.Dataflow, operand)
        {
            case (Dataflow.OutputStationary, ScaleSimOperand.Ifmap):
                // Port i streams pixel o0 + i's window from row i.
                for (int i = 0; i < ru; i++)
                {
                    for (int k = From(i), to = To(i, t); k < to; k++)
                    {
                        buffer[At(i + k, i)] = ifmap.At(o0 + i, k);
                    }
                }

                break;
            case (Dataflow.OutputStationary, ScaleSimOperand.Filter):
                for (int j = 0; j < cu; j++)
                {
                    int addr = filterBase + ((c0 + j) * window);
                    for (int k = From(j), to = To(j, t); k < to; k++)
                    {
                        buffer[At(j + k, j)] = addr + k;
                    }
                }

                break;
            case (Dataflow.OutputStationary, ScaleSimOperand.Ofmap):
                // Array row q drains from row t - 1 + q, port j one row after port j - 1.
                for (int q = r - ru; q < r; q++)
                {
                    int m = o0 + r - 1 - q, y0 = t - 1 + q, addr = ofmapBase + (m * filters) + c0;
                    for (int j = From(y0), to = To(y0, cu); j < to; j++)
                    {
                        buffer[At(y0 + j, j)] = addr + j;
                    }
                }

                break;
            case (Dataflow.WeightStationary, ScaleSimOperand.Filter):
                // Row q of the demand loads array row q's weights: one row, no skew.
                for (int q = Math.Max(r - ru, first); q < Math.Min(r, end); q++)
                {
                    int k = o0 + r - 1 - q;
                    for (int j = 0; j < cu; j++)
                    {
                        buffer[At(q, j)] = filterBase + ((c0 + j) * window) + k;
                    }
                }

                break;
            case (Dataflow.WeightStationary, ScaleSimOperand.Ifmap):
                for (int i = 0; i < ru; i++)
                {
                    int y0 = r + i;
                    for (int m = From(y0), to = To(y0, t); m < to; m++)
                    {
                        buffer[At(y0 + m, i)] = ifmap.At(m, o0 + i);
                    }
                }

                break;
            case (Dataflow.WeightStationary, ScaleSimOperand.Ofmap):
                for (int j = 0; j < cu; j++)
                {
                    int y0 = (2 * r) - 1 + j, addr = ofmapBase + c0 + j;
                    for (int m = From(y0), to = To(y0, t); m < to; m++)
                    {
                        buffer[At(y0 + m, j)] = addr + (m * filters);
                    }
                }

                break;
            case (Dataflow.InputStationary, ScaleSimOperand.Ifmap):
                for (int q = Math.Max(r - ru, first); q < Math.Min(r, end); q++)
                {
                    int k = o0 + r - 1 - q;
                    for (int j = 0; j < cu; j++)
                    {
                        buffer[At(q, j)] = ifmap.At(c0 + j, k);
                    }
                }

                break;
            case (Dataflow.InputStationary, ScaleSimOperand.Filter):
                for (int i = 0; i < ru; i++)
                {
                    int y0 = r + i, addr = filterBase + o0 + i;
                    for (int n = From(y0), to = To(y0, t); n < to; n++)
                    {
                        buffer[At(y0 + n, i)] = addr + (n * window);
                    }
                }

                break;
            case (Dataflow.InputStationary, ScaleSimOperand.Ofmap):
                for (int j = 0; j < cu; j++)
                {
                    int y0 = (2 * r) - 1 + j, addr = ofmapBase + ((c0 + j) * filters);
                    for (int n = From(y0), to = To(y0, t); n < to; n++)
                    {
                        buffer[At(y0 + n, j)] = addr + n;
                    }
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(operand), operand, "Unknown operand.");
        }
    }
}
