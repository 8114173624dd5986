namespace QuantSim.Simulator.Mapping;

/// <summary>
/// One tile of a mapped problem: the PEs it occupies (<see cref="UsedRows"/> x <see cref="UsedCols"/>,
/// top-left aligned; smaller than the array only in a partial last fold) and where its slice starts
/// in the spatial dimensions (<see cref="RowOffset"/> into Sr, <see cref="ColOffset"/> into Sc).
/// </summary>
public readonly record struct Fold(int Group, int RowFold, int ColFold, int RowOffset, int ColOffset, int UsedRows, int UsedCols);
