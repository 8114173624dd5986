using System.Globalization;

namespace QuantSim.Datapaths.Tests.OnnxRuntimeReference;

/// <summary>How many output codes of two runs differ, and by how much (in codes).</summary>
public sealed class RoundingDifference
{
    public long Outputs { get; private set; }

    public long Differing { get; private set; }

    public int MaxAbsoluteDifference { get; private set; }

    public void Add(IReadOnlyList<int> reference, IReadOnlyList<int> other)
    {
        if (reference.Count != other.Count)
        {
            throw new ArgumentException($"{reference.Count} reference codes against {other.Count}", nameof(other));
        }

        for (int i = 0; i < reference.Count; i++)
        {
            int d = Math.Abs(reference[i] - other[i]);
            Outputs++;
            Differing += d == 0 ? 0 : 1;
            MaxAbsoluteDifference = Math.Max(MaxAbsoluteDifference, d);
        }
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Differing} of {Outputs} outputs differ ({100.0 * Differing / Math.Max(1, Outputs):0.000} %), max |diff| {MaxAbsoluteDifference} code(s)");
}
