using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace QuantSim.Input;

/// <summary>
/// One YAML mapping, read strictly. Each accessor names the key it reads, so after reading,
/// <see cref="RejectUnknownKeys"/> can report every key nobody asked for together with the allowed ones.
/// Problems are recorded in <see cref="Diagnostics"/> with the line and column of the offending node;
/// accessors return null for a missing or bad value and the caller builds its record only if no
/// error was recorded. Numbers must be plain scalars: a quoted "16" is a string in YAML and is refused.
/// </summary>
public sealed class YamlSection
{
    private const string DuplicateKey = "Duplicate key";

    private readonly YamlMappingNode _node;
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);
    private readonly List<string> _allowed = [];

    private YamlSection(YamlMappingNode node, string path, InputDiagnostics diagnostics)
    {
        _node = node;
        Path = path;
        Diagnostics = diagnostics;
        foreach (var (key, value) in node.Children)
        {
            if (key is YamlScalarNode { Value: { } name })
            {
                // Duplicate keys never get here: the parser refuses them (see Parse).
                _entries[name] = (key, value);
            }
            else
            {
                Report(key, path, "keys must be plain names");
            }
        }
    }

    /// <summary>Dotted path of this mapping from the document root ("" for the root).</summary>
    public string Path { get; }

    public InputDiagnostics Diagnostics { get; }

    public int Line => (int)_node.Start.Line;

    public int Column => (int)_node.Start.Column;

    public IEnumerable<string> Keys => _entries.Keys;

    /// <summary>
    /// Parses a YAML document whose root must be a mapping. Syntax errors (tabs, bad indentation,
    /// unclosed quotes), nesting too deep and a second document are recorded with their position
    /// and yield null.
    /// </summary>
    public static YamlSection? Parse(string text, InputDiagnostics diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            if (!YamlShape.Check(text, diagnostics))
            {
                return null;
            }

            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            if (FindIndentingTab(text, (int)ex.Start.Line) is { } tab)
            {
                diagnostics.Add(tab.Line, tab.Column, "(syntax)", "tab character in indentation; YAML indents with spaces only");
            }
            else if (FirstLine(ex.Message) is var message && message.StartsWith(DuplicateKey, StringComparison.Ordinal))
            {
                diagnostics.Add((int)ex.Start.Line, (int)ex.Start.Column, message[DuplicateKey.Length..].Trim(), "key appears twice in its mapping; keep one");
            }
            else
            {
                diagnostics.Add((int)ex.Start.Line, (int)ex.Start.Column, "(syntax)", $"YAML syntax error: {FirstLine(ex.Message)}");
            }

            return null;
        }
        catch (ArgumentException ex)
        {
            // YamlDotNet's tree builder on an event sequence YamlShape did not foresee; no position is known.
            diagnostics.Add(1, 1, "(syntax)", $"YAML structure that cannot be read: {ex.Message.Split(" (Parameter")[0]}");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            diagnostics.Add(1, 1, "(document)", "expected a mapping of keys to values at the top level; the file is empty or not a mapping");
            return null;
        }

        return new YamlSection(root, string.Empty, diagnostics);
    }

    /// <summary>
    /// Where the dotted <paramref name="fieldPath"/> is in a YAML text: its value's line and column,
    /// or, when part of the path is absent, the mapping where it would go; null when the text does
    /// not parse. For errors found after reading (by the simulator or the pricer) that name a field
    /// but no position.
    /// </summary>
    public static (int Line, int Column)? Locate(string text, string fieldPath)
    {
        var section = Parse(text, new InputDiagnostics(string.Empty));
        if (section is null)
        {
            return null;
        }

        string[] keys = fieldPath.Split('.');
        int i = 0;
        for (; i < keys.Length - 1 && section._entries.TryGetValue(keys[i], out var entry) && entry.Value is YamlMappingNode next; i++)
        {
            section = new YamlSection(next, section.FieldPath(keys[i]), section.Diagnostics);
        }

        // keys[i] is the first key not descended into: its value's position, or this mapping's when absent.
        return section.PositionOf(keys[i]);
    }

    public string FieldPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public bool Has(string key) => _entries.ContainsKey(key);

    /// <summary>Line and column of a key's value, or of this mapping when the key is absent.</summary>
    public (int Line, int Column) PositionOf(string key) =>
        _entries.TryGetValue(key, out var entry)
            ? ((int)entry.Value.Start.Line, (int)entry.Value.Start.Column)
            : (Line, Column);

    /// <summary>Where a key's value is (this mapping when the key is absent), for rules checked after reading.</summary>
    public FieldLocation Locate(string key)
    {
        var (line, column) = PositionOf(key);
        return new FieldLocation(Diagnostics.File, line, column, FieldPath(key));
    }

    /// <summary>Records an error against a key (its value's position, or this mapping's when absent).</summary>
    public void Error(string key, string message)
    {
        var (line, column) = PositionOf(key);
        Diagnostics.Add(line, column, FieldPath(key), message);
    }

    public YamlSection? Section(string key, bool required, string what)
    {
        if (Value(key, required, what) is not { } node)
        {
            return null;
        }

        if (node is YamlMappingNode mapping)
        {
            return new YamlSection(mapping, FieldPath(key), Diagnostics);
        }

        Report(node, FieldPath(key), $"expected a mapping ({what})");
        return null;
    }

    /// <summary>A list of values (any element type; see <see cref="Element"/> for mappings).</summary>
    public IReadOnlyList<YamlNode>? Sequence(string key, bool required, string what)
    {
        if (Value(key, required, what) is not { } node)
        {
            return null;
        }

        if (node is YamlSequenceNode sequence)
        {
            return sequence.Children.ToList();
        }

        Report(node, FieldPath(key), $"expected a list ({what})");
        return null;
    }

    /// <summary>Wraps an element of a sequence that must itself be a mapping.</summary>
    public YamlSection? Element(YamlNode node, string path, string what)
    {
        if (node is YamlMappingNode mapping)
        {
            return new YamlSection(mapping, path, Diagnostics);
        }

        Report(node, path, $"expected a mapping ({what})");
        return null;
    }

    public string? String(string key, bool required, string what)
    {
        if (Scalar(key, required, what) is not { } scalar)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(scalar.Value))
        {
            Report(scalar, FieldPath(key), $"must not be empty ({what})");
            return null;
        }

        return scalar.Value;
    }

    /// <summary>
    /// Whether <paramref name="key"/> holds the plain (unquoted) word <paramref name="word"/>, for a field that
    /// takes a number or a keyword (e.g. <c>accumulator_bits: auto</c>); the key counts as known either way.
    /// </summary>
    public bool IsWord(string key, string word)
    {
        if (!_allowed.Contains(key))
        {
            _allowed.Add(key);
        }

        return _entries.TryGetValue(key, out var entry) && entry.Value is YamlScalarNode { Style: ScalarStyle.Plain } scalar && scalar.Value == word;
    }

    public long? Integer(string key, bool required, long min, long max, string what)
    {
        if (PlainNumber(key, required, what, "an integer") is not { } scalar)
        {
            return null;
        }

        if (!long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            Report(scalar, FieldPath(key), $"expected an integer ({what}), got '{scalar.Value}'");
            return null;
        }

        if (value < min || value > max)
        {
            Report(scalar, FieldPath(key), $"must be {RangeText(min, max)}, got {value}");
            return null;
        }

        return value;
    }

    public int? Int(string key, bool required, int min, int max, string what) =>
        (int?)Integer(key, required, min, max, what);

    /// <summary>A real number strictly greater than <paramref name="exclusiveMin"/> and at most <paramref name="max"/>.</summary>
    public double? Number(string key, bool required, double exclusiveMin, double max, string what)
    {
        if (PlainNumber(key, required, what, "a number") is not { } scalar)
        {
            return null;
        }

        if (!double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            Report(scalar, FieldPath(key), $"expected a number ({what}), got '{scalar.Value}'");
            return null;
        }

        if (value <= exclusiveMin || value > max)
        {
            string text = value.ToString(CultureInfo.InvariantCulture);
            Report(scalar, FieldPath(key), $"must be greater than {exclusiveMin.ToString(CultureInfo.InvariantCulture)} and at most {max.ToString(CultureInfo.InvariantCulture)}, got {text}");
            return null;
        }

        return value;
    }

    public bool? Boolean(string key, bool required, string what)
    {
        if (PlainNumber(key, required, what, "true or false") is not { } scalar)
        {
            return null;
        }

        switch (scalar.Value)
        {
            case "true": return true;
            case "false": return false;
            default:
                Report(scalar, FieldPath(key), $"expected true or false ({what}), got '{scalar.Value}'");
                return null;
        }
    }

    /// <summary>One of a fixed set of names; the message lists them.</summary>
    public T? Choice<T>(string key, bool required, IReadOnlyDictionary<string, T> choices, string what)
        where T : struct
    {
        if (String(key, required, what) is not { } text)
        {
            return null;
        }

        if (choices.TryGetValue(text, out T value))
        {
            return value;
        }

        Error(key, $"unknown value '{text}'; allowed: {string.Join(", ", choices.Keys)}");
        return null;
    }

    /// <summary>Reports every key present that no accessor declared, listing the allowed keys.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var (name, (key, _)) in _entries)
        {
            if (!_allowed.Contains(name))
            {
                Report(key, FieldPath(name), $"unknown key; allowed: {string.Join(", ", _allowed)}");
            }
        }
    }

    private YamlNode? Value(string key, bool required, string what)
    {
        if (!_allowed.Contains(key))
        {
            _allowed.Add(key);
        }

        if (!_entries.TryGetValue(key, out var entry))
        {
            if (required)
            {
                Diagnostics.Add(Line, Column, FieldPath(key), $"required field is missing ({what})");
            }

            return null;
        }

        if (entry.Value is YamlScalarNode { Style: ScalarStyle.Plain } scalar && IsNull(scalar.Value))
        {
            Report(entry.Value, FieldPath(key), $"no value given ({what})");
            return null;
        }

        return entry.Value;
    }

    private YamlScalarNode? Scalar(string key, bool required, string what)
    {
        if (Value(key, required, what) is not { } node)
        {
            return null;
        }

        if (node is YamlScalarNode scalar)
        {
            return scalar;
        }

        Report(node, FieldPath(key), $"expected a single value ({what}), got a {(node is YamlMappingNode ? "mapping" : "list")}");
        return null;
    }

    private YamlScalarNode? PlainNumber(string key, bool required, string what, string expected)
    {
        if (Scalar(key, required, what) is not { } scalar)
        {
            return null;
        }

        if (scalar.Style != ScalarStyle.Plain)
        {
            Report(scalar, FieldPath(key), $"expected {expected} ({what}), got the quoted string \"{scalar.Value}\"; remove the quotes");
            return null;
        }

        return scalar;
    }

    private void Report(YamlNode node, string field, string message) =>
        Diagnostics.Add((int)node.Start.Line, (int)node.Start.Column, field, message);

    private static bool IsNull(string? value) => value is null or "" or "~" or "null" or "Null" or "NULL";

    private static string RangeText(long min, long max) =>
        max == long.MaxValue ? $"at least {min}" : $"between {min} and {max}";

    /// <summary>
    /// YamlDotNet reports a tab at the start of the enclosing mapping; users need the tab itself.
    /// Returns the first tab in leading whitespace at or after <paramref name="fromLine"/>.
    /// </summary>
    private static (int Line, int Column)? FindIndentingTab(string text, int fromLine)
    {
        string[] lines = text.Split('\n');
        for (int i = Math.Max(0, fromLine - 1); i < lines.Length; i++)
        {
            string indent = new(lines[i].TakeWhile(c => c is ' ' or '\t').ToArray());
            int tab = indent.IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0)
            {
                return (i + 1, tab + 1);
            }
        }

        return null;
    }

    private static string FirstLine(string message)
    {
        // YamlDotNet prefixes its messages with "(Line: a, Col: b, Idx: c) - (Line: ...): "; the position is ours to print.
        string text = message.Split('\n')[0].Trim();
        int cut = text.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? text[(cut + 3)..] : text;
    }
}
