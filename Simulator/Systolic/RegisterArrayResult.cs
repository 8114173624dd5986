using QuantSim.Simulator.Results;

namespace QuantSim.Simulator.Systolic;

/// <summary>
/// What the register-level array produced: the cycles from the first operand move to the last output
/// leaving the array (inclusive), the integer outputs <c>C[g]</c> (M x N, row-major, one per group),
/// how many PE-cycles were simulated (cycles x R x C), and the real operands it saw cross each edge.
/// </summary>
public sealed record RegisterArrayResult(long Cycles, int[][] Outputs, long PeUpdates, EdgeTraffic Traffic);
