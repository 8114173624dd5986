using System.Collections.Immutable;

namespace QuantSim.Cli.Study;

/// <summary>The staircase of (W, A) points found for one target, and every cell the search looked at, in order.</summary>
public sealed record Frontier(ImmutableArray<(int W, int A)> Points, ImmutableArray<(int W, int A)> Evaluated);

/// <summary>
/// The equal-accuracy search over weight bits W and activation bits A, each in <c>min..max</c>, without
/// training the whole grid. It assumes accuracy is monotone (never lower with more bits) in W and in A, and
/// energy grows with W and with A, so the cheapest point meeting a target is, for some W, the smallest A
/// meeting it at that W. For W from <c>max</c> down to <c>min</c> it scans A upwards from the previous W's
/// answer (fewer weight bits never need fewer activation bits): at most 2 x (max − min + 1) cells (14 for 2..8:
/// one success per W, and the failing A values only increase).
/// A cell the variant cannot run (<c>meets</c> returns null) is passed over, neither meeting nor failing.
/// When a W has cells that all fail, no smaller W can meet the target under the assumption, and the
/// search stops. On a surface that is not monotone the search can miss a cheaper point (tested).
/// </summary>
public static class FrontierSearch
{
    public static Frontier Search(int min, int max, Func<int, int, bool?> meets)
    {
        var points = ImmutableArray.CreateBuilder<(int, int)>();
        var evaluated = ImmutableArray.CreateBuilder<(int, int)>();
        int start = min;
        for (int w = max; w >= min; w--)
        {
            bool failed = false, found = false;
            for (int a = start; a <= max; a++)
            {
                if (meets(w, a) is not bool ok)
                {
                    continue;
                }

                evaluated.Add((w, a));
                if (ok)
                {
                    points.Add((w, a));
                    start = a;
                    found = true;
                    break;
                }

                failed = true;
            }

            if (!found && failed)
            {
                break;
            }
        }

        return new Frontier(points.ToImmutable(), evaluated.ToImmutable());
    }
}
