using QuantSim.Simulator.Systolic;

namespace QuantSim.Simulator.Tests;

/// <summary>The plain triple loop the register-level array must agree with (32-bit wrapping, like the PE).</summary>
internal static class ReferenceGemm
{
    public static int[][] Multiply(GemmOperands ops)
    {
        var p = ops.Problem;
        var result = new int[p.Groups][];
        for (int g = 0; g < p.Groups; g++)
        {
            var c = new int[p.M * p.N];
            var a = ops.A[g];
            var b = ops.B[g];
            for (int m = 0; m < p.M; m++)
            {
                for (int n = 0; n < p.N; n++)
                {
                    int sum = 0;
                    for (int k = 0; k < p.K; k++)
                    {
                        sum = unchecked(sum + (a[m * p.K + k] * b[k * p.N + n]));
                    }

                    c[m * p.N + n] = sum;
                }
            }

            result[g] = c;
        }

        return result;
    }
}
