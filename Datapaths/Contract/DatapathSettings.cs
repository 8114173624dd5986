using System.Collections.Immutable;

namespace QuantSim.Datapaths.Contract;

/// <summary>
/// A variant's options with every key resolved to a value (the default when not given). Built only
/// by <see cref="DatapathChoice"/>, which checks user input first; equal when the values are equal.
/// </summary>
public sealed record DatapathSettings
{
    internal DatapathSettings(ImmutableSortedDictionary<string, string> values) => Values = values;

    public ImmutableSortedDictionary<string, string> Values { get; }

    public string this[string key] =>
        Values.TryGetValue(key, out string? value) ? value : throw new KeyNotFoundException($"no datapath option '{key}'");

    public bool Equals(DatapathSettings? other) => other is not null && Values.SequenceEqual(other.Values);

    public override int GetHashCode() => Values.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key, kv.Value));

    /// <summary>Settings a program chose (tests, tools): defaults overridden by <paramref name="options"/>; a bad key or value throws.</summary>
    public static DatapathSettings Resolve(IDatapath datapath, IReadOnlyDictionary<string, string>? options = null)
    {
        var problems = new List<DatapathProblem>();
        return TryResolve(datapath, options, problems)
               ?? throw new ArgumentException(string.Join("; ", problems.Select(p => $"{p.Field}: {p.Message}")), nameof(options));
    }

    /// <summary>
    /// Defaults of <paramref name="datapath"/> overridden by <paramref name="options"/>; every unknown key
    /// or value is a problem located at its key.
    /// </summary>
    internal static DatapathSettings? TryResolve(IDatapath datapath, IReadOnlyDictionary<string, string>? options, List<DatapathProblem> problems)
    {
        int before = problems.Count;
        var values = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var option in datapath.Options)
        {
            string value = options is not null && options.TryGetValue(option.Key, out string? given) ? given : option.Default;
            if (!option.Allowed.Contains(value))
            {
                problems.Add(new(option.Key, $"unknown value '{value}'; allowed for {datapath.Name}: {string.Join(", ", option.Allowed)}"));
            }

            values[option.Key] = value;
        }

        foreach (string key in options?.Keys.Order(StringComparer.Ordinal) ?? Enumerable.Empty<string>())
        {
            if (!values.ContainsKey(key))
            {
                string known = datapath.Options.Count == 0 ? "it has no options" : $"its options: {string.Join(", ", datapath.Options.Select(o => o.Key))}";
                problems.Add(new(key, $"{datapath.Name} has no option '{key}'; {known}"));
            }
        }

        return problems.Count == before ? new(values.ToImmutable()) : null;
    }
}
