using YamlDotNet.RepresentationModel;

namespace QuantSim.Cli.Sweep;

/// <summary>
/// Sets dotted paths in a config's YAML tree and prints it again, so a sweep point is an ordinary
/// config text that goes through the same strict reader as any file. Missing mappings on the way
/// are created; the reader then rejects any key its schema does not accept.
/// </summary>
public static class ConfigYamlEdit
{
    /// <summary>
    /// <paramref name="baseText"/> with each (path, value) set; null and a reason when a path runs
    /// through a plain value (e.g. <c>clock_mhz.x</c>).
    /// </summary>
    public static (string? Text, string? Problem) Apply(string baseText, IEnumerable<(string Path, string Value)> assignments)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(baseText));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        foreach (var (path, value) in assignments)
        {
            string[] keys = path.Split('.');
            var mapping = root;
            for (int i = 0; i < keys.Length - 1; i++)
            {
                var key = new YamlScalarNode(keys[i]);
                if (!mapping.Children.TryGetValue(key, out var child))
                {
                    child = new YamlMappingNode();
                    mapping.Children.Add(key, child);
                }

                if (child is not YamlMappingNode next)
                {
                    return (null, $"'{string.Join('.', keys[..(i + 1)])}' is a value, not a section with fields");
                }

                mapping = next;
            }

            mapping.Children[new YamlScalarNode(keys[^1])] = new YamlScalarNode(value);
        }

        using var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return (writer.ToString(), null);
    }
}
