using QuantSim.Cli.Reports;

namespace QuantSim.Cli.Sweep;

/// <summary>
/// sweep.json (schema <see cref="Schema"/>, docs/schemas/sweep.schema.json): the definition, then
/// every point in point order with its figures and Pareto flag. No timestamps, no wall times, no host
/// names: the same sweep gives the same bytes whether it ran on one machine or as merged shards.
/// </summary>
public static class SweepJsonWriter
{
    /// <summary>Version 2: each point's energy, efficiency and area moved into its <c>priced</c> object.</summary>
    public const string Schema = "quantsim.sweep/2";

    public static string Render(SweepOutcome outcome) =>
        OutputJson.Render(Schema, json =>
        {
            var definition = outcome.Definition;
            definition.Write(json);
            json.WriteNumber("points_total", outcome.Results.Length);
            json.WriteNumber("pareto_total", outcome.Pareto.Count(p => p));
            json.WriteStartArray("points");
            for (int i = 0; i < outcome.Results.Length; i++)
            {
                SweepPointJson.Write(json, definition, outcome.Results[i], outcome.Pareto[i]);
            }

            json.WriteEndArray();
        });
}
