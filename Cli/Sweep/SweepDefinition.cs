using System.Collections.Immutable;
using System.Text.Json;
using QuantSim.Input;

namespace QuantSim.Cli.Sweep;

/// <summary>
/// Everything that fixes a sweep's points and their results: the base config (by name and content
/// hash), the workloads, the axes and the Pareto objectives. Shards carry it so that
/// <c>quantsim merge</c> can check they belong together and rebuild the point list without the
/// config file.
/// </summary>
public sealed record SweepDefinition(
    string Config,
    string ConfigSha256,
    ImmutableArray<string> Workloads,
    ImmutableArray<SweepAxis> Axes,
    ImmutableArray<SweepObjective> Objectives)
{
    /// <summary>Axis combinations in the cross product: the first axis varies slowest.</summary>
    public int Combinations => Axes.Aggregate(1, (n, a) => checked(n * a.Values.Length));

    public int PointCount => checked(Combinations * Workloads.Length);

    /// <summary>
    /// Points in their fixed order: by workload (as given), then by axis combination with the first
    /// axis slowest and the last fastest, each axis in the order its values were given.
    /// </summary>
    public IEnumerable<SweepPoint> Points()
    {
        int combinations = Combinations;
        for (int w = 0; w < Workloads.Length; w++)
        {
            for (int c = 0; c < combinations; c++)
            {
                yield return new SweepPoint(w * combinations + c, c, Workloads[w], ValuesOf(c));
            }
        }
    }

    /// <summary>The axis values of combination <paramref name="combination"/> (mixed-radix digits, last axis least significant).</summary>
    public ImmutableArray<string> ValuesOf(int combination)
    {
        var values = new string[Axes.Length];
        int rest = combination;
        for (int a = Axes.Length - 1; a >= 0; a--)
        {
            var axis = Axes[a];
            values[a] = axis.Values[rest % axis.Values.Length];
            rest /= axis.Values.Length;
        }

        return [.. values];
    }

    public void Write(Utf8JsonWriter json)
    {
        json.WriteStartObject("definition");
        json.WriteString("config", Config);
        json.WriteString("config_sha256", ConfigSha256);
        json.WriteString("fidelity", "fast");
        json.WriteStartArray("workloads");
        foreach (string workload in Workloads)
        {
            json.WriteStringValue(workload);
        }

        json.WriteEndArray();
        json.WriteStartArray("axes");
        foreach (var axis in Axes)
        {
            json.WriteStartObject();
            json.WriteString("path", axis.Path);
            json.WriteStartArray("values");
            foreach (string value in axis.Values)
            {
                json.WriteStringValue(value);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("objectives");
        foreach (var objective in Objectives)
        {
            json.WriteStringValue(SweepObjectives.NameOf(objective));
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Reads what <see cref="Write"/> wrote; <paramref name="file"/> names the source in errors.</summary>
    public static SweepDefinition Read(JsonElement element, string file)
    {
        try
        {
            var axes = element.GetProperty("axes").EnumerateArray()
                .Select(a => new SweepAxis(
                    a.GetProperty("path").GetString()!,
                    [.. a.GetProperty("values").EnumerateArray().Select(v => v.GetString()!)]))
                .ToImmutableArray();
            return new SweepDefinition(
                element.GetProperty("config").GetString()!,
                element.GetProperty("config_sha256").GetString()!,
                [.. element.GetProperty("workloads").EnumerateArray().Select(w => w.GetString()!)],
                axes,
                SweepObjectives.Parse(string.Join(",", element.GetProperty("objectives").EnumerateArray().Select(o => o.GetString()))));
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or InputException)
        {
            throw new InputException(new InputError(file, 0, 0, "definition", $"not a sweep definition: {ex.Message}"));
        }
    }
}
