using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace QuantSim.Input;

/// <summary>
/// A pass over YAML's event stream before any node tree is built, for what the tree builder cannot
/// be trusted with: nesting deeper than <see cref="InputLimits.YamlDepth"/> (YamlDotNet builds the
/// tree recursively, and 40,000 nested brackets overflow the stack, which no catch survives) and a
/// second document after the first (<c>---</c> and more keys), which the readers would otherwise
/// ignore in silence. The parser itself is an explicit state machine, so this pass is safe at any depth.
/// </summary>
internal static class YamlShape
{
    /// <summary>
    /// True when the text has at most one document nested at most <see cref="InputLimits.YamlDepth"/>
    /// deep; otherwise records why, located, and returns false. Syntax errors propagate as
    /// <see cref="YamlException"/>; YamlDotNet's <see cref="InvalidOperationException"/> on some
    /// truncated inputs is reported at the last position it read.
    /// </summary>
    public static bool Check(string text, InputDiagnostics diagnostics)
    {
        var parser = new Parser(new StringReader(text));
        int documents = 0;
        // Children seen so far in each open mapping or list; the stack's height is the nesting depth.
        var open = new Stack<int>();
        Mark last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                last = current.Start;
                switch (current)
                {
                    case DocumentStart { IsImplicit: var isImplicit } when ++documents > 1:
                        diagnostics.Add((int)current.Start.Line, (int)current.Start.Column, "(document)",
                            $"a second YAML document starts here{(isImplicit ? string.Empty : " ('---')")}; a QuantSim file holds exactly one, so remove it or merge its keys into the first");
                        return false;
                    case MappingStart or SequenceStart when open.Count >= InputLimits.YamlDepth:
                        diagnostics.Add((int)current.Start.Line, (int)current.Start.Column, "(syntax)",
                            $"mappings and lists are nested more than {InputLimits.YamlDepth} deep here; at most {InputLimits.YamlDepth} levels are allowed");
                        return false;
                    case MappingStart or SequenceStart:
                        open.Push(0);
                        break;
                    case MappingEnd when open.Peek() % 2 == 1:
                        // The tree builder throws ArgumentException ("unsupported event") on a key left without a value.
                        diagnostics.Add((int)current.Start.Line, (int)current.Start.Column, "(syntax)", "YAML syntax error: a key in this mapping has no value (a stray ':'?)");
                        return false;
                    case MappingEnd or SequenceEnd:
                        open.Pop();
                        Count(open);
                        break;
                    case Scalar or AnchorAlias:
                        Count(open);
                        break;
                }
            }
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (no position, no message worth showing) when the text
            // ends inside some unfinished constructs, e.g. "a: {\r\xad".
            int line = Math.Max(1, (int)last.Line);
            int column = Math.Max(1, (int)last.Column);
            diagnostics.Add(line, column, "(syntax)", "YAML syntax error: the text breaks off inside an unfinished construct that starts here (an unclosed '{', '[' or quote?)");
            return false;
        }

        return true;
    }

    private static void Count(Stack<int> open)
    {
        if (open.Count > 0)
        {
            open.Push(open.Pop() + 1);
        }
    }
}
