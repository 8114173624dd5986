using QuantSim.Input;

namespace QuantSim.Simulator.Config.ScaleSim;

/// <summary>One <c>key: value</c> line of an INI file, with where it was.</summary>
public sealed record IniEntry(string Section, string Key, string Value, int Line);

/// <summary>
/// The INI dialect of Python's configparser as SCALE-Sim uses it: <c>[section]</c> headers,
/// <c>key: value</c> or <c>key = value</c>, keys case-insensitive (stored lower case), values
/// trimmed, full-line comments with <c>#</c> or <c>;</c>. Inline comments are not stripped
/// (configparser does not strip them either).
/// </summary>
public sealed class IniDocument
{
    private readonly Dictionary<(string Section, string Key), IniEntry> _entries = [];
    private readonly Dictionary<string, int> _sectionLines = [];

    private IniDocument(string file) => File = file;

    public string File { get; }

    public IEnumerable<IniEntry> Entries => _entries.Values.OrderBy(e => e.Line);

    public static IniDocument Parse(string file, string text, InputDiagnostics diagnostics)
    {
        var doc = new IniDocument(file);
        string? section = null;
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            string trimmed = line.Trim();
            int number = i + 1;
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';')
            {
                continue;
            }

            if (trimmed[0] == '[')
            {
                if (!trimmed.EndsWith(']'))
                {
                    diagnostics.Add(number, 0, trimmed, "section header must end with ']'");
                    continue;
                }

                section = trimmed[1..^1].Trim();
                doc._sectionLines.TryAdd(section, number);
                continue;
            }

            int separator = trimmed.IndexOfAny([':', '=']);
            if (separator <= 0)
            {
                diagnostics.Add(number, 0, section ?? "(top)", $"expected 'key: value' or 'key = value', got '{trimmed}'");
                continue;
            }

            if (section is null)
            {
                diagnostics.Add(number, 0, trimmed[..separator].Trim(), "key before any [section] header");
                continue;
            }

            string key = trimmed[..separator].Trim().ToLowerInvariant();
            var entry = new IniEntry(section, key, trimmed[(separator + 1)..].Trim(), number);
            if (!doc._entries.TryAdd((section, key), entry))
            {
                diagnostics.Add(number, 0, $"{section}.{key}", $"appears twice (first on line {doc._entries[(section, key)].Line})");
            }
        }

        return doc;
    }

    /// <summary>
    /// Where a missing key of <paramref name="section"/> belongs: the line of the section's header,
    /// or line 1 when the file has no such section.
    /// </summary>
    public int SectionLine(string section) => _sectionLines.GetValueOrDefault(section, 1);

    public bool HasSection(string section) => _sectionLines.ContainsKey(section);

    public IniEntry? Get(string section, string key) =>
        _entries.GetValueOrDefault((section, key.ToLowerInvariant()));
}
