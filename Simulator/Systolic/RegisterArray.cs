using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;
using QuantSim.Simulator.Results;

namespace QuantSim.Simulator.Systolic;

/// <summary>
/// The register-level fidelity: moves real integer operands through every PE register every cycle
/// and returns both the cycle count and the integer outputs. Slow compared to
/// <see cref="Timing.NativeTiming"/> (which it verifies) but fast enough for real layers of small
/// networks: rows are updated with SIMD arithmetic.
/// </summary>
public static class RegisterArray
{
    public static RegisterArrayResult Run(ArrayMapping mapping, GemmOperands operands, IOperandTransform? transform = null)
    {
        if (!ReferenceEquals(mapping.Problem, operands.Problem) && mapping.Problem != operands.Problem)
        {
            throw new ArgumentException("Operands belong to a different problem than the mapping.", nameof(operands));
        }

        // A transform is a pure function of one operand, so applying it to every element once before
        // the run is the same as applying it at the edge as each element enters.
        if (transform is not null and not IdentityOperands)
        {
            operands = new GemmOperands(
                operands.Problem,
                operands.A.Select(a => a.Select(transform.Activation).ToArray()).ToArray(),
                operands.B.Select(b => b.Select(transform.Weight).ToArray()).ToArray());
        }

        var p = mapping.Problem;
        var folds = mapping.EnumerateFolds().ToArray();
        switch (mapping.Dataflow)
        {
            case Dataflow.OutputStationary:
                return new OutputStationaryArray(mapping, operands).Run();

            case Dataflow.WeightStationary:
            {
                var run = new StationaryArray(
                    mapping.Rows, mapping.Cols, p.M, p.K, p.N, folds, operands.A, operands.B).Run();
                return Result(mapping, run.Cycles, run.Y, run);
            }

            case Dataflow.InputStationary:
            {
                var bt = operands.B.Select(b => Transpose(b, p.K, p.N)).ToArray();
                var at = operands.A.Select(a => Transpose(a, p.M, p.K)).ToArray();
                var run = new StationaryArray(
                    mapping.Rows, mapping.Cols, p.N, p.K, p.M, folds, bt, at).Run();
                return Result(mapping, run.Cycles, run.Y.Select(m => Transpose(m, p.N, p.M)).ToArray(), run);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(mapping), mapping.Dataflow, "Unknown dataflow.");
        }
    }

    public static RegisterArrayResult Run(ArrayConfig array, GemmOperands operands, IOperandTransform? transform = null) =>
        Run(DataflowMapper.Map(operands.Problem, array), operands, transform);

    private static RegisterArrayResult Result(
        ArrayMapping mapping, long cycles, int[][] outputs, (long Cycles, int[][] Y, long Left, long Top, long Bottom, long PsumReads) run) =>
        new(cycles, outputs, cycles * mapping.Rows * mapping.Cols, new EdgeTraffic(mapping.Dataflow, run.Left, run.Top, run.Bottom, run.PsumReads));

    private static int[] Transpose(int[] source, int rows, int cols)
    {
        var result = new int[source.Length];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                result[(long)j * rows + i] = source[(long)i * cols + j];
            }
        }

        return result;
    }
}
