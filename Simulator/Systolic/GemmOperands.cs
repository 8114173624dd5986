using QuantSim.Simulator.Mapping;

namespace QuantSim.Simulator.Systolic;

/// <summary>
/// Integer operands of a lowered layer, row-major, one pair per group: <c>A[g]</c> is M x K (im2col
/// rows), <c>B[g]</c> is K x N (one column per filter).
/// </summary>
public sealed record GemmOperands
{
    public GemmOperands(GemmProblem problem, int[][] a, int[][] b)
    {
        if (a.Length != problem.Groups || b.Length != problem.Groups)
        {
            throw new ArgumentException($"Expected {problem.Groups} operand pairs, got {a.Length} and {b.Length}.");
        }

        for (int g = 0; g < problem.Groups; g++)
        {
            if (a[g].Length != (long)problem.M * problem.K || b[g].Length != (long)problem.K * problem.N)
            {
                throw new ArgumentException(
                    $"Group {g}: A must be {problem.M}x{problem.K} and B {problem.K}x{problem.N}, got {a[g].Length} and {b[g].Length} elements.");
            }
        }

        Problem = problem;
        A = a;
        B = b;
    }

    public GemmProblem Problem { get; }

    public int[][] A { get; }

    public int[][] B { get; }

    /// <summary>Random operands in [min, max], reproducible from <paramref name="seed"/>.</summary>
    public static GemmOperands Random(GemmProblem problem, int seed, int min = -128, int max = 127)
    {
        var rng = new Random(seed);
        int[][] Fill(long length) =>
            Enumerable.Range(0, problem.Groups)
                .Select(_ => Enumerable.Range(0, checked((int)length)).Select(_ => rng.Next(min, max + 1)).ToArray())
                .ToArray();
        var a = Fill((long)problem.M * problem.K);
        var b = Fill((long)problem.K * problem.N);
        return new GemmOperands(problem, a, b);
    }
}
