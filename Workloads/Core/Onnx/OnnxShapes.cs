using System.Collections.Immutable;

namespace QuantSim.Workloads.Onnx;

/// <summary>Shape arithmetic shared by the operators: numpy broadcasting and windowed (pool, conv) output sizes.</summary>
internal static class OnnxShapes
{
    /// <summary>The numpy broadcast of several shapes, or an error at the node when two dimensions differ and neither is 1.</summary>
    public static ImmutableArray<long> Broadcast(OnnxNode node, IReadOnlyList<ImmutableArray<long>> shapes)
    {
        int rank = shapes.Max(s => s.Length);
        var result = new long[rank];
        for (int i = 0; i < rank; i++)
        {
            long dim = 1;
            foreach (var shape in shapes)
            {
                int j = i - (rank - shape.Length);
                if (j < 0 || shape[j] == 1)
                {
                    continue;
                }

                if (dim != 1 && dim != shape[j])
                {
                    throw node.Error($"input shapes {string.Join(" and ", shapes.Select(s => $"[{string.Join(", ", s)}]"))} do not broadcast");
                }

                dim = shape[j];
            }

            result[i] = dim;
        }

        return [.. result];
    }

    /// <summary>
    /// Padding at the start and end of each spatial axis from <c>pads</c> or <c>auto_pad</c>
    /// (NOTSET, VALID, SAME_UPPER, SAME_LOWER), for a window of effective extent <paramref name="extents"/>.
    /// </summary>
    public static (long Begin, long End)[] Pads(OnnxNode node, IReadOnlyList<long> input, IReadOnlyList<long> extents, IReadOnlyList<long> strides)
    {
        int axes = input.Count;
        string autoPad = node.String("auto_pad", "NOTSET");
        var pads = new (long, long)[axes];
        switch (autoPad)
        {
            case "NOTSET":
                var given = node.Ints("pads") ?? [.. Enumerable.Repeat(0L, 2 * axes)];
                if (given.Length != 2 * axes || given.Any(p => p < 0 || p > int.MaxValue))
                {
                    throw node.Error($"attribute pads must have {2 * axes} non-negative values, got [{string.Join(", ", given)}]");
                }

                for (int i = 0; i < axes; i++)
                {
                    pads[i] = (given[i], given[i + axes]);
                }

                break;
            case "VALID":
                break;
            case "SAME_UPPER" or "SAME_LOWER":
                for (int i = 0; i < axes; i++)
                {
                    long output = (input[i] + strides[i] - 1) / strides[i];
                    long total = Math.Max(0, (output - 1) * strides[i] + extents[i] - input[i]);
                    long small = total / 2;
                    pads[i] = autoPad == "SAME_UPPER" ? (small, total - small) : (total - small, small);
                }

                break;
            default:
                throw node.Error($"attribute auto_pad '{autoPad}' is not one of NOTSET, VALID, SAME_UPPER, SAME_LOWER");
        }

        return pads;
    }

    /// <summary>
    /// Output size of a window sliding over one padded axis, rounded down or (pooling's ceil_mode) up;
    /// with ceil a last window that would start in the end padding is dropped, as ONNX Runtime and PyTorch do.
    /// </summary>
    public static long WindowOutput(OnnxNode node, long input, (long Begin, long End) pad, long extent, long stride, bool ceil)
    {
        long slack = input + pad.Begin + pad.End - extent;
        if (slack < 0)
        {
            throw node.Error($"the window ({extent} wide once dilated) is larger than the padded input ({input + pad.Begin + pad.End})");
        }

        long output = (ceil ? (slack + stride - 1) / stride : slack / stride) + 1;
        if (ceil && (output - 1) * stride >= input + pad.Begin)
        {
            output--;
        }

        return output;
    }
}
