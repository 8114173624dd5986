using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;
using QuantSim.Simulator.Timing;

namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>
/// The order in which SCALE-Sim's USER-mode read buffers fetch an operand from DRAM (the compute
/// classes' <c>create_{ifmap,filter}_prefetch_mat</c>): the operand's streamed slices stacked fold
/// after fold (row folds or column folds only, never both), -1 for unused PE rows/columns, and, for
/// operands that enter the array skewed, read along anti-diagonals (bottom row first) to follow the
/// skew ("ISSUE #15/#16"):
/// <code>
///  os  ifmap  per row fold:  T x R   (k, i) = A[m0+i][k]     diagonal
///  os  filter per col fold:  T x C   (k, j) = B[k][n0+j]     diagonal
///  ws  ifmap  per row fold:  T x R   (m, i) = A[m][k0+i]     diagonal
///  ws  filter per col fold:  K x C   (k, j) = B[k][n0+j]     row-major
///  is  ifmap  per col fold:  K x C   (k, j) = A[m0+j][k]     row-major
///  is  filter per row fold:  T x R   (n, i) = B[k0+i][n]     diagonal
/// </code>
/// </summary>
internal static class PrefetchOrder
{
    // ifmap: the layer's IFMAP addresses (ScaleSimFoldDemand.Ifmap), so the address formula's divisions are paid
    // once per pixel and per window element, not once per prefetched word.
    public static int[] Build(ArrayMapping map, ScaleSimAddressing a, IfmapAddressTable ifmap, ScaleSimOperand operand)
    {
        int r = map.Rows, c = map.Cols, t = map.T, sr = map.Sr, sc = map.Sc;
        (int blocks, int blockRows, int cols, bool diagonal, Func<int, int, int, int> at) = ((int, int, int, bool, Func<int, int, int, int>))((map.Dataflow, operand) switch
        {
            (Dataflow.OutputStationary, ScaleSimOperand.Ifmap) =>
                (map.RowFolds, t, r, true, (b, k, i) => b * r + i < sr ? ifmap.At(b * r + i, k) : -1),
            (Dataflow.OutputStationary, ScaleSimOperand.Filter) =>
                (map.ColFolds, t, c, true, (b, k, j) => b * c + j < sc ? a.Filter(k, b * c + j) : -1),
            (Dataflow.WeightStationary, ScaleSimOperand.Ifmap) =>
                (map.RowFolds, t, r, true, (b, m, i) => b * r + i < sr ? ifmap.At(m, b * r + i) : -1),
            (Dataflow.WeightStationary, ScaleSimOperand.Filter) =>
                (map.ColFolds, sr, c, false, (b, k, j) => b * c + j < sc ? a.Filter(k, b * c + j) : -1),
            (Dataflow.InputStationary, ScaleSimOperand.Ifmap) =>
                (map.ColFolds, sr, c, false, (b, k, j) => b * c + j < sc ? ifmap.At(b * c + j, k) : -1),
            (Dataflow.InputStationary, ScaleSimOperand.Filter) =>
                (map.RowFolds, t, r, true, (b, n, i) => b * r + i < sr ? a.Filter(b * r + i, n) : -1),
            _ => throw new ArgumentOutOfRangeException(nameof(operand), operand, "Only ifmap and filter are prefetched."),
        });

        long rowsTotal = (long)blocks * blockRows;
        var order = new int[checked(rowsTotal * cols)];
        long idx = 0;
        if (!diagonal)
        {
            for (long row = 0; row < rowsTotal; row++)
            {
                for (int col = 0; col < cols; col++)
                {
                    order[idx++] = at((int)(row / blockRows), (int)(row % blockRows), col);
                }
            }

            return order;
        }

        for (long d = 0; d < rowsTotal + cols - 1; d++)
        {
            long maxRow = Math.Min(d, rowsTotal - 1);
            long minRow = Math.Max(0, d - cols + 1);
            for (long row = maxRow; row >= minRow; row--)
            {
                order[idx++] = at((int)(row / blockRows), (int)(row % blockRows), (int)(d - row));
            }
        }

        return order;
    }
}
