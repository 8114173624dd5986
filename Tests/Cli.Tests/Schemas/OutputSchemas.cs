using System.Text.Json.Nodes;
using Json.Schema;

namespace QuantSim.Cli.Tests.Schemas;

/// <summary>
/// The published schemas (docs/schemas, copied beside the tests), loaded once and registered with
/// each other so that their relative <c>$ref</c>s (e.g. to priced-summary.schema.json) resolve to the
/// files themselves, as they do for an editor or any other validator reading docs/schemas.
/// </summary>
internal static class OutputSchemas
{
    private static readonly Lazy<IReadOnlyDictionary<string, JsonSchema>> All = new(Load);

    private static string Folder => Path.Combine(TestContext.CurrentContext.TestDirectory, "schemas");

    private static IReadOnlyDictionary<string, JsonSchema> Load() =>
        Directory.GetFiles(Folder, "*.schema.json").ToDictionary(f => Path.GetFileName(f), f => JsonSchema.FromFile(f), StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Files => [.. All.Value.Keys];

    /// <summary>Every way <paramref name="json"/> breaks <paramref name="schemaFile"/>, as "location: message"; empty when it conforms.</summary>
    public static IReadOnlyList<string> Problems(string schemaFile, string json) => Problems(schemaFile, JsonNode.Parse(json));

    public static IReadOnlyList<string> Problems(string schemaFile, JsonNode? document)
    {
        // A fresh registry per evaluation: the global one would keep schemas across test runs in one process.
        var options = new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical, ValidateAgainstMetaSchema = true };
        foreach (var schema in All.Value.Values)
        {
            options.SchemaRegistry.Register(schema);
        }

        var results = All.Value[schemaFile].Evaluate(document, options);
        if (results.IsValid)
        {
            return [];
        }

        return [.. Failures(results)];
    }

    /// <summary>
    /// Where an invalid node fails: its own errors, or the node itself when none of its children failed
    /// (a failed <c>not</c> carries no message). Only invalid children are followed: a subschema that
    /// fails inside a passing <c>not</c> or <c>oneOf</c> branch is no problem of the document.
    /// </summary>
    private static IEnumerable<string> Failures(EvaluationResults node)
    {
        var failedChildren = node.Details.Where(d => !d.IsValid).ToList();
        if (node.HasErrors)
        {
            foreach (var (keyword, message) in node.Errors!)
            {
                yield return $"{node.InstanceLocation} ({node.EvaluationPath}): {keyword}: {message}";
            }
        }
        else if (failedChildren.Count == 0)
        {
            yield return $"{node.InstanceLocation} ({node.EvaluationPath}): fails";
        }

        foreach (var line in failedChildren.SelectMany(Failures))
        {
            yield return line;
        }
    }
}
