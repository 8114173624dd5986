using System.Globalization;

namespace QuantSim.Workloads.Tests.Traces;

/// <summary>
/// A deliberately literal re-implementation of how SCALE-Sim v2 reads a topology
/// (scalesim/topology_utils.py, described in shared/reference/scalesim/README.md): skip the first
/// line and blank lines, <c>elems = row.split(',')[:-1]</c>, ofmap <c>ceil((H - F + S) / S)</c>,
/// GEMM rows M, N, K. It gives the expected layer count and MACs for the reader's tests.
/// </summary>
internal static class ScaleSimReference
{
    public static List<long> LayerMacs(string path)
    {
        var lines = System.IO.File.ReadAllLines(path);
        bool gemm = lines[0].Replace(" ", string.Empty, StringComparison.Ordinal).StartsWith("Layer,M,N,K", StringComparison.OrdinalIgnoreCase)
                    || lines[0].Replace(" ", string.Empty, StringComparison.Ordinal).StartsWith("LayerName,M,N,K", StringComparison.OrdinalIgnoreCase);
        var macs = new List<long>();
        foreach (string row in lines.Skip(1).Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var e = row.Split(',')[..^1].Skip(1).Select(x => long.Parse(x.Trim(), CultureInfo.InvariantCulture)).ToArray();
            if (gemm)
            {
                macs.Add(e[0] * e[1] * e[2]);
                continue;
            }

            long h = e[0], w = e[1], r = e[2], s = e[3], c = e[4], nf = e[5], sh = e[6], sw = e.Length > 7 ? e[7] : e[6];
            long outH = (h - r + sh + sh - 1) / sh, outW = (w - s + sw + sw - 1) / sw;
            macs.Add(outH * outW * r * s * c * nf);
        }

        return macs;
    }
}
