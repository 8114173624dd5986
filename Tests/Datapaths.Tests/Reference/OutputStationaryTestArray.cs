using QuantSim.Datapaths.Numerics;

namespace QuantSim.Datapaths.Tests.Reference;

/// <summary>
/// A minimal register-level output-stationary systolic array, written in the test to show how an
/// array drives an <see cref="IntegerKernel"/>: each cycle every PE takes the activation from its left
/// neighbour's register and the weight from the one above and calls <see cref="IntegerKernel.Mac"/>;
/// the left edge runs the row-sum adder (<see cref="IntegerKernel.RowSumStep"/>) on each activation
/// it injects; after the drain every PE's accumulator goes through <see cref="IntegerKernel.Finish"/>.
/// Inputs are skewed by row and column; the GEMM is folded onto R x C tiles.
/// </summary>
public static class OutputStationaryTestArray
{
    public static int[,] Run(IntegerKernel kernel, int[,] activations, int rows, int cols, int firstChannel, int channels)
    {
        int m = activations.GetLength(0), k = kernel.ReductionLength;
        var result = new int[m, channels];
        for (int m0 = 0; m0 < m; m0 += rows)
        {
            for (int n0 = 0; n0 < channels; n0 += cols)
            {
                var acc = new long[rows, cols];
                var rowSum = new long[rows];
                var aReg = new int?[rows, cols];
                var wReg = new int?[rows, cols];
                for (int t = 0; t < k + rows + cols - 2; t++)
                {
                    var aNext = new int?[rows, cols];
                    var wNext = new int?[rows, cols];
                    for (int i = 0; i < rows; i++)
                    {
                        for (int j = 0; j < cols; j++)
                        {
                            int? a = j == 0 ? LeftEdge(activations, m0 + i, t - i, k) : aReg[i, j - 1];
                            int? w = i == 0 ? TopEdge(kernel, firstChannel + n0 + j, t - j, k, n0 + j < channels) : wReg[i - 1, j];
                            if (j == 0 && a is { } injected)
                            {
                                rowSum[i] = kernel.RowSumStep(rowSum[i], injected);
                            }

                            if (a is { } av && w is { } wv)
                            {
                                acc[i, j] = kernel.Mac(acc[i, j], av, wv);
                            }

                            aNext[i, j] = a;
                            wNext[i, j] = w;
                        }
                    }

                    aReg = aNext;
                    wReg = wNext;
                }

                for (int i = 0; i < rows && m0 + i < m; i++)
                {
                    for (int j = 0; j < cols && n0 + j < channels; j++)
                    {
                        result[m0 + i, n0 + j] = kernel.Finish(acc[i, j], firstChannel + n0 + j, rowSum[i]);
                    }
                }
            }
        }

        return result;
    }

    private static int? LeftEdge(int[,] activations, int row, int step, int k) =>
        row < activations.GetLength(0) && step >= 0 && step < k ? activations[row, step] : null;

    private static int? TopEdge(IntegerKernel kernel, int channel, int step, int k, bool exists) =>
        exists && step >= 0 && step < k ? kernel.Weight(step, channel) : null;
}
