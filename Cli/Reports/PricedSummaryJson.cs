using System.Text.Json;

namespace QuantSim.Cli.Reports;

/// <summary>
/// The one writer (and reader) of the <c>priced</c> object in result.json, study.json, sweep.json and
/// sweep shards. Doubles are written in shortest round-trip form and energy as its exact decimal, so
/// a shard's figures read back to the same values and a merged sweep has the bytes of an unsharded one.
/// </summary>
public static class PricedSummaryJson
{
    public const string Property = "priced";

    public static void Write(Utf8JsonWriter json, PricedSummary summary)
    {
        json.WritePropertyName(Property);
        JsonSerializer.Serialize(json, summary, OutputJsonContext.Default.PricedSummary);
    }

    /// <summary>Reads the <c>priced</c> object of <paramref name="parent"/>.</summary>
    /// <exception cref="KeyNotFoundException">There is no <c>priced</c> object.</exception>
    /// <exception cref="JsonException">It lacks a figure or holds one of the wrong type.</exception>
    public static PricedSummary Read(JsonElement parent) =>
        parent.GetProperty(Property).Deserialize(OutputJsonContext.Default.PricedSummary)
        ?? throw new JsonException($"'{Property}' is null");
}
