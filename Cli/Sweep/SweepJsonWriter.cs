using System.Reflection;
using System.Text;
using System.Text.Json;

namespace QuantSim.Cli.Sweep;

/// <summary>
/// sweep.json (schema <see cref="Schema"/>): the definition, then every point in point order with
/// its figures and Pareto flag. No timestamps, no wall times, no host names: the same sweep gives
/// the same bytes whether it ran on one machine or as merged shards.
/// </summary>
public static class SweepJsonWriter
{
    public const string Schema = "quantsim.sweep/1";

    public static string Render(SweepOutcome outcome)
    {
        var definition = outcome.Definition;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            json.WriteString("tool", $"quantsim {ToolVersion}");
            definition.Write(json);
            json.WriteNumber("points_total", outcome.Results.Length);
            json.WriteNumber("pareto_total", outcome.Pareto.Count(p => p));
            json.WriteStartArray("points");
            for (int i = 0; i < outcome.Results.Length; i++)
            {
                SweepPointJson.Write(json, definition, outcome.Results[i], outcome.Pareto[i]);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static string ToolVersion =>
        typeof(SweepJsonWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";
}
