using QuantSim.Simulator.Config;

namespace QuantSim.Simulator.Mapping;

/// <summary>
/// Places a GEMM (C[M x N] = A[M x K] * B[K x N]; A = ifmap im2col, B = filters) on an R x C array.
/// The assignment is SCALE-Sim's (<c>topology_utils.calc_spatio_temporal_params</c>):
/// <code>
///  dataflow  Sr (rows)  Sc (cols)  T (time)  stays in the PE
///  OS        M          N          K         the output C[m][n] (accumulator)
///  WS        K          N          M         the weight B[k][n]
///  IS        K          M          N         the input A[m][k]
///
///  OS: A rows enter from the left, B columns from the top, both skewed; PE(i,j) accumulates C[m0+i][n0+j].
///          B[k][n0] B[k][n0+1] ..          (k = 0..K-1 streamed down, column j delayed j cycles)
///             v        v
///   A[m0][k] > PE ---- PE ---- ..          (k streamed right, row i delayed i cycles)
///   A[m0+1][k]>PE ---- PE ---- ..
///
///  WS: the tile B[k0..k0+R)[n0..n0+C) is preloaded; A[m][k0+i] enters row i (skewed), partial sums
///      flow down and leave the bottom of column j as (part of) C[m][n0+j], one m per cycle.
///   A[m][k0]   > W ---- W ---- ..
///   A[m][k0+1] > W ---- W ---- ..
///                v psum  v psum  -> C[m][n0], C[m][n0+1]
///
///  IS: as WS with the roles of the operands swapped: the tile A^T[k0..k0+R)[m0..m0+C) is preloaded,
///      B^T[n][k0+i] enters row i, column j emits C[m0+j][n].
/// </code>
/// Folds: ceil(Sr/R) row folds x ceil(Sc/C) column folds per group; the last fold in each direction
/// may be partial (fewer used rows or columns).
/// </summary>
public static class DataflowMapper
{
    public static ArrayMapping Map(GemmProblem problem, int rows, int cols, Dataflow dataflow)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(cols, 1);
        var (sr, sc, t) = dataflow switch
        {
            Dataflow.OutputStationary => (problem.M, problem.N, problem.K),
            Dataflow.WeightStationary => (problem.K, problem.N, problem.M),
            Dataflow.InputStationary => (problem.K, problem.M, problem.N),
            _ => throw new ArgumentOutOfRangeException(nameof(dataflow), dataflow, "Unknown dataflow."),
        };
        return new ArrayMapping(problem, rows, cols, dataflow, sr, sc, t);
    }

    public static ArrayMapping Map(GemmProblem problem, ArrayConfig array) =>
        Map(problem, array.Rows, array.Cols, array.Dataflow);
}
