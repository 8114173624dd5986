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
    private readonly int? _temporalTile;

    /// <summary>
    /// Length of the streamed slice one fold covers. By default all of T (one time tile). WS and IS
    /// may tile T so that the partial sums of a column fold (tile x used columns) fit the output
    /// buffer: the time tiles then form a loop between the column folds (outer) and the row folds
    /// (inner), and every time tile reloads its stationary tiles. OS keeps its outputs in the PEs
    /// and is never tiled in time.
    /// </summary>
    public int TemporalTile
    {
        get => _temporalTile ?? T;
        init
        {
            if (value < 1 || value > T)
            {
                throw new ArgumentOutOfRangeException(nameof(TemporalTile), value, $"A time tile is 1 .. T ({T}).");
            }

            if (value != T && Dataflow == Dataflow.OutputStationary)
            {
                throw new ArgumentException("Output stationary accumulates in the PEs; it has no time tiles.", nameof(TemporalTile));
            }

            _temporalTile = value;
        }
    }

    /// <summary>ceil(T / TemporalTile).</summary>
    public int TimeTiles => (T + TemporalTile - 1) / TemporalTile;

    /// <summary>ceil(Sr / R): tiles along the row-spatial dimension.</summary>
    public int RowFolds => (Sr + Rows - 1) / Rows;

    /// <summary>ceil(Sc / C): tiles along the column-spatial dimension.</summary>
    public int ColFolds => (Sc + Cols - 1) / Cols;

    /// <summary>Folds of one group.</summary>
    public long FoldsPerGroup => (long)RowFolds * ColFolds * TimeTiles;

    /// <summary>Folds of the whole layer (all groups).</summary>
    public long Folds => FoldsPerGroup * Problem.Groups;

    /// <summary>Rows used by the last row fold (R when Sr divides evenly).</summary>
    public int LastFoldRows => Sr - (RowFolds - 1) * Rows;

    /// <summary>Columns used by the last column fold.</summary>
    public int LastFoldCols => Sc - (ColFolds - 1) * Cols;

    /// <summary>
    /// Folds in execution order: group, then column fold (outer), then time tile, then row fold
    /// (inner) — SCALE-Sim's order when T is not tiled. For WS/IS consecutive row folds accumulate
    /// partial sums of the same outputs.
    /// </summary>
    public IEnumerable<Fold> EnumerateFolds()
    {
        for (int g = 0; g < Problem.Groups; g++)
        {
            for (int fc = 0; fc < ColFolds; fc++)
            {
                int cols = fc == ColFolds - 1 ? LastFoldCols : Cols;
                for (int tt = 0; tt < TimeTiles; tt++)
                {
                    int t0 = tt * TemporalTile;
                    int time = Math.Min(TemporalTile, T - t0);
                    for (int fr = 0; fr < RowFolds; fr++)
                    {
                        int rows = fr == RowFolds - 1 ? LastFoldRows : Rows;
                        yield return new Fold(g, fr, fc, fr * Rows, fc * Cols, rows, cols, t0, time);
                    }
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
