using System.Text.Json;
using QuantSim.Workloads.Torch.Accuracy;

namespace QuantSim.Cli.Reports;

/// <summary>
/// accuracy.json (schema <see cref="Schema"/>, docs/schemas/accuracy.schema.json): what one
/// <c>quantsim accuracy</c> run measured, every field of <see cref="AccuracyResult"/> in snake_case
/// after the schema id. The result's <c>[JsonIgnore]</c>d members stay out: per-image correctness
/// (working data for paired tests) and the trained-image counts (which differ between a first run and
/// a rerun from cached checkpoints), so the same inputs give the same bytes.
/// </summary>
public static class AccuracyJsonWriter
{
    public const string Schema = "quantsim.accuracy/1";

    public static string Render(AccuracyResult result) =>
        OutputJson.Render(Schema, json =>
        {
            // The serializer names and orders the record's fields; they go into the same top-level
            // object as schema and tool rather than a nested one, like every other QuantSim file.
            foreach (var property in JsonSerializer.SerializeToElement(result, OutputJsonContext.Default.AccuracyResult).EnumerateObject())
            {
                property.WriteTo(json);
            }
        });
}
