namespace QuantSim.Cli.Sweep;

/// <summary>
/// Pareto optimality under minimization: a point is on the front when no other point is at least as
/// good in every objective and strictly better in one. Identical points do not dominate each other,
/// so ties are all on the front.
/// </summary>
public static class ParetoFront
{
    /// <summary>
    /// For each vector of objective values (all minimized), whether it is Pareto-optimal.
    /// Scans in lexicographic order: a dominator is always lexicographically smaller, and whatever
    /// dominates a point is itself dominated by, or is, a point already on the front, so each point
    /// is checked only against the front found so far.
    /// </summary>
    public static bool[] Mark(IReadOnlyList<double[]> objectives)
    {
        var order = Enumerable.Range(0, objectives.Count).ToArray();
        Array.Sort(order, (a, b) => CompareLexicographic(objectives[a], objectives[b]));
        var onFront = new bool[objectives.Count];
        var front = new List<double[]>();
        foreach (int i in order)
        {
            var candidate = objectives[i];
            if (!front.Any(f => Dominates(f, candidate)))
            {
                onFront[i] = true;
                front.Add(candidate);
            }
        }

        return onFront;
    }

    public static bool Dominates(double[] a, double[] b)
    {
        bool strictly = false;
        for (int k = 0; k < a.Length; k++)
        {
            if (a[k] > b[k])
            {
                return false;
            }

            strictly |= a[k] < b[k];
        }

        return strictly;
    }

    private static int CompareLexicographic(double[] a, double[] b)
    {
        for (int k = 0; k < a.Length; k++)
        {
            int c = a[k].CompareTo(b[k]);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }
}
