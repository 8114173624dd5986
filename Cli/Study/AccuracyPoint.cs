using System.Collections.Immutable;

namespace QuantSim.Cli.Study;

/// <summary>
/// Measured top-1 accuracy of a variant at a precision for one QAT seed (integer inference through the
/// datapath's own kernels), its 95 % confidence interval, and which test images it got right (for paired tests).
/// </summary>
public sealed record AccuracyPoint(double Top1, double Low95, double High95, double FloatTop1, double Agreement, ImmutableArray<bool> Correct);
