using System.Collections.Immutable;

namespace QuantSim.Datapaths.Contract;

/// <summary>
/// A variant's options with every key resolved to a value (the default when not given). Unknown keys
/// and values are programming errors here: user input is checked earlier by the config reader.
/// </summary>
public sealed record DatapathSettings
{
    private DatapathSettings(ImmutableSortedDictionary<string, string> values) => Values = values;

    public ImmutableSortedDictionary<string, string> Values { get; }

    public string this[string key] =>
        Values.TryGetValue(key, out string? value) ? value : throw new KeyNotFoundException($"no datapath option '{key}'");

    /// <summary>Defaults of <paramref name="datapath"/> overridden by <paramref name="options"/>.</summary>
    public static DatapathSettings Resolve(IDatapath datapath, IReadOnlyDictionary<string, string>? options = null)
    {
        var values = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var option in datapath.Options)
        {
            string value = options is not null && options.TryGetValue(option.Key, out string? given) ? given : option.Default;
            if (!option.Allowed.Contains(value))
            {
                throw new ArgumentException($"'{value}' is not a value of {datapath.Name} option '{option.Key}'; allowed: {string.Join(", ", option.Allowed)}", nameof(options));
            }

            values[option.Key] = value;
        }

        foreach (string key in options?.Keys ?? [])
        {
            if (!values.ContainsKey(key))
            {
                throw new ArgumentException($"{datapath.Name} has no option '{key}'", nameof(options));
            }
        }

        return new(values.ToImmutable());
    }
}
