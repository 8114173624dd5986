using System.Text.Json.Serialization;
using QuantSim.Workloads.Torch.Accuracy;

namespace QuantSim.Cli.Reports;

/// <summary>
/// Source-generated serialization of the records QuantSim writes whole, snake_case like every other
/// key in its files. Properties come out in declaration order, so the bytes depend only on the values.
/// Reading is strict (a missing figure or an unknown key is an error, never a silent 0), since
/// <c>quantsim merge</c> rebuilds results from what it reads.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(PricedSummary))]
[JsonSerializable(typeof(AccuracyResult))]
internal sealed partial class OutputJsonContext : JsonSerializerContext;
