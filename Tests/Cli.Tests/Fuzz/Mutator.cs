using System.Text;

namespace QuantSim.Cli.Tests.Fuzz;

/// <summary>
/// Seeded mutations of an input file's bytes, aimed at what breaks readers: numbers at and past
/// their ranges, structure tokens of YAML, CSV, INI and JSON, deep nesting, a second document,
/// tabs, byte-order marks, CR and NUL, invalid UTF-8, truncation and repeated or lost lines.
/// One seed gives one mutation sequence, so a failing case is reproduced from its seed alone.
/// </summary>
internal sealed class Mutator(int seed)
{
    private static readonly string[] Numbers =
    [
        "0", "-1", "1", "-0", "0.5", "1e309", "-1e309", "NaN", ".inf", "1e-400", "2147483647", "2147483648", "-2147483649",
        "9223372036854775808", "99999999999999999999", "4096", "4097", "65536", "1048576", "0x10", "1_000", "+5", "16.0",
    ];

    private static readonly string[] Tokens =
    [
        "[", "]", "{", "}", ":", ": ", ",", "-", "- ", "#", "\"", "'", "~", "null", "true", "&a ", "*a", "<<: *a\n", "!!binary ",
        "---\n", "...\n", "\t", "\r", "\r\n", "\0", "\uFEFF", "\n", "\n  ", "  ", "=", "[section]\n", "{}", "[]", "\"\"",
        "\"16\"", "a: b: c", ",,,", "key: value\n", "é", "\u2212", "\\",
    ];

    private readonly Random _random = new(seed);

    /// <summary>Random picks for callers that build arguments from the same sequence.</summary>
    public Random Random => _random;

    public byte[] Mutate(byte[] input)
    {
        var bytes = new List<byte>(input);
        int count = 1 + _random.Next(4);
        for (int i = 0; i < count; i++)
        {
            Apply(bytes);
        }

        return [.. bytes];
    }

    public string Mutate(string input) => Encoding.UTF8.GetString(Mutate(Encoding.UTF8.GetBytes(input)));

    private void Apply(List<byte> bytes)
    {
        int at = _random.Next(bytes.Count + 1);
        switch (_random.Next(12))
        {
            case 0 when bytes.Count > 0:
                bytes[Math.Min(at, bytes.Count - 1)] = (byte)_random.Next(256);
                break;
            case 1:
                bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + _random.Next(32)));
                break;
            case 2:
            {
                int length = Math.Min(bytes.Count - at, 1 + _random.Next(64));
                bytes.InsertRange(at, bytes.GetRange(at, length));
                break;
            }

            case 3:
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(Pick(Tokens)));
                break;
            case 4:
            case 5:
                ReplaceNumber(bytes);
                break;
            case 6:
                LineEdit(bytes);
                break;
            case 7:
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            case 8:
                // Invalid UTF-8: a lone continuation byte or a truncated sequence.
                bytes.InsertRange(at, _random.Next(2) == 0 ? [0xAD] : [0xC3]);
                break;
            case 9:
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(Nesting()));
                break;
            case 10:
                ReplaceValue(bytes);
                break;
            default:
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(new string((char)('a' + _random.Next(26)), 1 + _random.Next(_random.Next(2) == 0 ? 8 : 5000))));
                break;
        }
    }

    /// <summary>Brackets nested a little or far past the readers' depth limit.</summary>
    private string Nesting()
    {
        int depth = _random.Next(3) switch { 0 => 1 + _random.Next(8), 1 => 60 + _random.Next(10), _ => 1000 + _random.Next(50_000) };
        string open = _random.Next(2) == 0 ? "[" : "{a: ";
        string close = open == "[" ? "]" : "}";
        return string.Concat(Enumerable.Repeat(open, depth)) + (_random.Next(4) == 0 ? string.Empty : string.Concat(Enumerable.Repeat(close, depth)));
    }

    private void ReplaceNumber(List<byte> bytes)
    {
        var starts = Enumerable.Range(0, bytes.Count).Where(i => IsDigit(bytes[i]) && (i == 0 || !IsDigit(bytes[i - 1]))).ToList();
        if (starts.Count == 0)
        {
            bytes.InsertRange(_random.Next(bytes.Count + 1), Encoding.UTF8.GetBytes(Pick(Numbers)));
            return;
        }

        int start = starts[_random.Next(starts.Count)];
        int end = start;
        while (end < bytes.Count && (IsDigit(bytes[end]) || bytes[end] == '.'))
        {
            end++;
        }

        bytes.RemoveRange(start, end - start);
        bytes.InsertRange(start, Encoding.UTF8.GetBytes(Pick(Numbers)));
    }

    /// <summary>Replaces what follows a ':' , '=' or ',' up to the end of the field with a number or token.</summary>
    private void ReplaceValue(List<byte> bytes)
    {
        var separators = Enumerable.Range(0, bytes.Count).Where(i => bytes[i] is (byte)':' or (byte)'=' or (byte)',').ToList();
        if (separators.Count == 0)
        {
            return;
        }

        int start = separators[_random.Next(separators.Count)] + 1;
        int end = start;
        while (end < bytes.Count && bytes[end] is not ((byte)'\n' or (byte)','))
        {
            end++;
        }

        bytes.RemoveRange(start, end - start);
        bytes.InsertRange(start, Encoding.UTF8.GetBytes(" " + (_random.Next(2) == 0 ? Pick(Numbers) : Pick(Tokens))));
    }

    private void LineEdit(List<byte> bytes)
    {
        var lines = Encoding.UTF8.GetString([.. bytes]).Split('\n').ToList();
        int a = _random.Next(lines.Count);
        int b = _random.Next(lines.Count);
        switch (_random.Next(4))
        {
            case 0:
                (lines[a], lines[b]) = (lines[b], lines[a]);
                break;
            case 1:
                lines.RemoveAt(a);
                break;
            case 2:
                lines.Insert(b, lines[a]);
                break;
            default:
                // The same line a thousand times: duplicate keys, or many layers.
                lines.InsertRange(b, Enumerable.Repeat(lines[a], 1000));
                break;
        }

        bytes.Clear();
        bytes.AddRange(Encoding.UTF8.GetBytes(string.Join('\n', lines)));
    }

    private string Pick(string[] choices) => choices[_random.Next(choices.Length)];

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';
}
