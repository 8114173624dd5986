using QuantSim.Simulator.Config;

namespace QuantSim.Simulator.Mapping;

/// <summary>
/// A GEMM problem placed on an R x C array for one dataflow: which problem dimension is spread over
/// the rows (<see cref="Sr"/>), over the columns (<see cref="Sc"/>) and streamed in time
/// (<see cref="T"/>), and how many folds (tiles of at most R x C) that takes. See
/// <see cref="DataflowMapper"/> for the per-dataflow assignment.
/// </summary>
public sealed record ArrayMapping(GemmProblem Problem, int Rows, int Cols, Dataflow Dataflow, int Sr, int Sc, int T)
{
    /// <summary>ceil(Sr / R): tiles along the row-spatial dimension.</summary>
    public int RowFolds => (Sr + Rows - 1) / Rows;

    /// <summary>ceil(Sc / C): tiles along the column-spatial dimension.</summary>
    public int ColFolds => (Sc + Cols - 1) / Cols;

    /// <summary>Folds of one group.</summary>
    public long FoldsPerGroup => (long)RowFolds * ColFolds;

    /// <summary>Folds of the whole layer (all groups).</summary>
    public long Folds => FoldsPerGroup * Problem.Groups;

    /// <summary>Rows used by the last row fold (R when Sr divides evenly).</summary>
    public int LastFoldRows => Sr - (RowFolds - 1) * Rows;

    /// <summary>Columns used by the last column fold.</summary>
    public int LastFoldCols => Sc - (ColFolds - 1) * Cols;

    /// <summary>
    /// Folds in execution order: group, then column fold (outer), then row fold (inner) — SCALE-Sim's
    /// order. For WS/IS consecutive row folds accumulate partial sums of the same outputs.
    /// </summary>
    public IEnumerable<Fold> EnumerateFolds()
    {
        for (int g = 0; g < Problem.Groups; g++)
        {
            for (int fc = 0; fc < ColFolds; fc++)
            {
                int cols = fc == ColFolds - 1 ? LastFoldCols : Cols;
                for (int fr = 0; fr < RowFolds; fr++)
                {
                    int rows = fr == RowFolds - 1 ? LastFoldRows : Rows;
                    yield return new Fold(g, fr, fc, fr * Rows, fc * Cols, rows, cols);
                }
            }
        }
    }

    /// <summary>
    /// Mean over folds of (used PEs / R*C): how well the tiles cover the array, ignoring time
    /// (SCALE-Sim's "Mapping Efficiency").
    /// </summary>
    public double SpatialEfficiency
    {
        get
        {
            // Folds form a RowFolds x ColFolds grid whose used rows/cols are separable.
            double meanRows = ((double)(RowFolds - 1) * Rows + LastFoldRows) / RowFolds;
            double meanCols = ((double)(ColFolds - 1) * Cols + LastFoldCols) / ColFolds;
            return meanRows * meanCols / ((double)Rows * Cols);
        }
    }
}
