using System.Text;
using System.Text.Json;

namespace QuantSim.Cli.Compare;

/// <summary>
/// Line and column of every value in a JSON text, by JSON path (<c>totals.cycles</c>,
/// <c>layers[2].energy_pj.total</c>). <see cref="JsonDocument"/> keeps no positions, and a field
/// error that names no line sends the user searching a 10,000-line result file.
/// </summary>
internal sealed class JsonPositions
{
    private readonly Dictionary<string, (int Line, int Column)> _positions = new(StringComparer.Ordinal);

    private JsonPositions()
    {
    }

    /// <summary>Positions in <paramref name="utf8"/>, which must already have parsed as JSON.</summary>
    public static JsonPositions Of(byte[] utf8, JsonReaderOptions options)
    {
        var positions = new JsonPositions();
        var lineStarts = LineStarts(utf8);
        var reader = new Utf8JsonReader(utf8, options);
        // One frame per open container: its path, and the next array index (-1 in an object).
        var frames = new Stack<(string Path, int Index)>();
        string? property = null;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                property = reader.GetString();
                continue;
            }

            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                frames.Pop();
                continue;
            }

            string path = PathOf(frames, property);
            property = null;
            positions._positions.TryAdd(path, Position(lineStarts, reader.TokenStartIndex, utf8));
            if (reader.TokenType is JsonTokenType.StartObject)
            {
                frames.Push((path, -1));
            }
            else if (reader.TokenType is JsonTokenType.StartArray)
            {
                frames.Push((path, 0));
            }
        }

        return positions;
    }

    /// <summary>Where <paramref name="path"/> is, or where its nearest enclosing value is ("" is the root).</summary>
    public (int Line, int Column) Of(string path)
    {
        for (string p = path; ; p = Parent(p))
        {
            if (_positions.TryGetValue(p, out var position))
            {
                return position;
            }

            if (p.Length == 0)
            {
                return (1, 1);
            }
        }
    }

    public static string Child(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    public static string Element(string path, int index) => $"{path}[{index}]";

    private static string PathOf(Stack<(string Path, int Index)> frames, string? property)
    {
        if (frames.Count == 0)
        {
            return string.Empty;
        }

        var (parent, index) = frames.Pop();
        if (index < 0)
        {
            frames.Push((parent, index));
            return Child(parent, property ?? string.Empty);
        }

        frames.Push((parent, index + 1));
        return Element(parent, index);
    }

    private static string Parent(string path)
    {
        int cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut < 0 ? string.Empty : path[..cut];
    }

    private static List<int> LineStarts(byte[] utf8)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    /// <summary>1-based line and column; the column counts characters, not UTF-8 bytes.</summary>
    private static (int Line, int Column) Position(List<int> lineStarts, long offset, byte[] utf8)
    {
        int line = lineStarts.BinarySearch((int)offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        int start = lineStarts[line];
        return (line + 1, Encoding.UTF8.GetCharCount(utf8, start, (int)offset - start) + 1);
    }
}
