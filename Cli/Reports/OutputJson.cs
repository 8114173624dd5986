using System.Reflection;
using System.Text;
using System.Text.Json;

namespace QuantSim.Cli.Reports;

/// <summary>
/// What every JSON file QuantSim writes has in common: indented UTF-8 with a final newline, a
/// versioned <c>schema</c> id first and the tool version second, so a reader can refuse a file it
/// does not understand before it reads a figure.
/// </summary>
public static class OutputJson
{
    public static string Tool => $"quantsim {ToolVersion}";

    /// <summary>The version without the source-revision suffix, so a rebuild of the same version writes the same bytes.</summary>
    private static string ToolVersion =>
        typeof(OutputJson).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";

    /// <summary>Writes one top-level object: <c>schema</c>, <c>tool</c>, then what <paramref name="body"/> writes.</summary>
    public static string Render(string schema, Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("schema", schema);
            json.WriteString("tool", Tool);
            body(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
