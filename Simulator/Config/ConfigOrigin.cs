using System.Collections.Immutable;
using QuantSim.Input;

namespace QuantSim.Simulator.Config;

/// <summary>
/// Where a config's fields were written: the file and, for the fields that rules check after reading
/// (cost table, buffer capacities, datapath), their line and column. Two origins are equal when they
/// name the same file and positions.
/// </summary>
public sealed record ConfigOrigin
{
    private readonly ImmutableSortedDictionary<string, FieldLocation> _fields;

    public ConfigOrigin(string file, ImmutableSortedDictionary<string, FieldLocation>? fields = null)
    {
        File = file;
        _fields = fields ?? ImmutableSortedDictionary<string, FieldLocation>.Empty.WithComparers(StringComparer.Ordinal);
    }

    /// <summary>The config file, or what stood in for one (<c>--scalesim-config</c>'s file, a test's name).</summary>
    public string File { get; }

    /// <summary>The field's recorded position, else the file with no line.</summary>
    public FieldLocation Locate(string field) =>
        _fields.TryGetValue(field, out var location) ? location : new FieldLocation(File, 0, 0, field);

    public ConfigOrigin With(FieldLocation location) => new(File, _fields.SetItem(location.Field, location));

    public bool Equals(ConfigOrigin? other) => other is not null && File == other.File && _fields.SequenceEqual(other._fields);

    public override int GetHashCode() => HashCode.Combine(File, _fields.Count);
}
