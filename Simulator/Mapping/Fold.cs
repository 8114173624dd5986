namespace QuantSim.Simulator.Mapping;

/// <summary>
/// One tile of a mapped problem: the PEs it occupies (<see cref="UsedRows"/> x <see cref="UsedCols"/>,
/// top-left aligned; smaller than the array only in a partial last fold) and where its slice starts
/// in the spatial dimensions (<see cref="RowOffset"/> into Sr, <see cref="ColOffset"/> into Sc), and
/// which slice of the streamed dimension it covers (<see cref="TimeOffset"/>, <see cref="UsedTime"/>:
/// all of T unless the mapping tiles T, see <see cref="ArrayMapping.TemporalTile"/>).
/// </summary>
public readonly record struct Fold(
    int Group, int RowFold, int ColFold, int RowOffset, int ColOffset, int UsedRows, int UsedCols, int TimeOffset, int UsedTime);
