using System.Globalization;
using QuantSim.Input;

namespace QuantSim.Cli.Sweep;

/// <summary>
/// <c>--shard I/N</c> (I 1-based): shard I runs the points whose 0-based index i has i mod N = I-1,
/// so shards interleave and each gets a similar mix of small and large designs.
/// </summary>
public sealed record ShardSpec(int Index, int Count)
{
    public const string Option = "--shard";

    public bool Contains(int pointIndex) => pointIndex % Count == Index - 1;

    public string FileName => $"shard-{Index.ToString(CultureInfo.InvariantCulture)}-of-{Count.ToString(CultureInfo.InvariantCulture)}.json";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    public static ShardSpec Parse(string text)
    {
        string[] parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count))
        {
            throw new InputException(new InputError(Option, 0, 0, string.Empty, $"'{text}': expected I/N with whole numbers, e.g. 2/3"));
        }

        if (count < 1 || index < 1 || index > count)
        {
            throw new InputException(new InputError(Option, 0, 0, string.Empty, $"'{text}': need 1 <= I <= N (I is 1-based)"));
        }

        return new ShardSpec(index, count);
    }
}
