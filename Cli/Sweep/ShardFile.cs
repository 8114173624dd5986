using System.Collections.Immutable;
using System.Text.Json;
using QuantSim.Cli.Reports;
using QuantSim.Input;

namespace QuantSim.Cli.Sweep;

/// <summary>
/// One shard's results (schema <see cref="Schema"/>, docs/schemas/sweep-shard.schema.json): the full
/// sweep definition, which shard of how many, and the figures of its points. Pareto flags are not
/// stored: they depend on all shards and are computed by <c>quantsim merge</c>.
/// </summary>
public sealed record ShardFile(string Path, string Tool, SweepDefinition Definition, string DefinitionJson, ShardSpec Shard, ImmutableArray<SweepPointResult> Results)
{
    /// <summary>Version 2: each point's energy, efficiency and area moved into its <c>priced</c> object.</summary>
    public const string Schema = "quantsim.sweep-shard/2";

    public static string Render(SweepDefinition definition, ShardSpec shard, IReadOnlyList<SweepPointResult> results) =>
        OutputJson.Render(Schema, json =>
        {
            json.WriteStartObject("shard");
            json.WriteNumber("index", shard.Index);
            json.WriteNumber("count", shard.Count);
            json.WriteEndObject();
            definition.Write(json);
            json.WriteStartArray("points");
            foreach (var result in results)
            {
                SweepPointJson.Write(json, definition, result, pareto: null);
            }

            json.WriteEndArray();
        });

    public static ShardFile Read(string path)
    {
        string text;
        try
        {
            text = InputFile.ReadAllText(path, "shard file", InputLimits.ResultBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Error(path, string.Empty, $"cannot read the shard file: {ex.Message}");
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            string? schema = root.GetProperty("schema").GetString();
            if (schema != Schema)
            {
                throw Error(path, "schema", $"expected '{Schema}', got '{schema}'");
            }

            var shardElement = root.GetProperty("shard");
            int index = shardElement.GetProperty("index").GetInt32();
            int count = shardElement.GetProperty("count").GetInt32();
            if (count < 1 || index < 1 || index > count)
            {
                throw Error(path, "shard", $"shard {index}/{count} is impossible");
            }

            var shard = new ShardSpec(index, count);
            var definitionElement = root.GetProperty("definition");
            var definition = SweepDefinition.Read(definitionElement, path);
            var points = definition.Points().ToList();
            var results = root.GetProperty("points").EnumerateArray()
                .Select(p => SweepPointJson.Read(p, definition, points, path))
                .ToImmutableArray();
            var expected = points.Where(p => shard.Contains(p.Index)).Select(p => p.Index);
            if (!results.Select(r => r.Point.Index).SequenceEqual(expected))
            {
                throw Error(path, "points", $"does not hold exactly the points of shard {shard} in order; was it edited or truncated?");
            }

            return new ShardFile(path, root.GetProperty("tool").GetString() ?? string.Empty, definition, definitionElement.GetRawText(), shard, results);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw Error(path, string.Empty, $"not a sweep shard file ({Schema}): {ex.Message}");
        }
    }

    private static InputException Error(string path, string field, string message) => new(new InputError(path, 0, 0, field, message));
}
