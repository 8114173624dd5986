using QuantSim.Input;

namespace QuantSim.Cli.Sweep;

/// <summary>
/// Combines shard files into the sweep they are slices of, refusing anything that would make the
/// result differ from an unsharded run: shards of different sweeps, a shard missing, a shard twice.
/// </summary>
public static class ShardMerge
{
    public const string Field = "merge";

    public static SweepOutcome Merge(IReadOnlyList<ShardFile> shards)
    {
        if (shards.Count == 0)
        {
            throw Error("merge", "no shard files found; give the directories (or files) the shards wrote");
        }

        var first = shards[0];
        var errors = new List<InputError>();
        foreach (var other in shards.Skip(1))
        {
            if (other.DefinitionJson != first.DefinitionJson)
            {
                errors.Add(new InputError(other.Path, 0, 0, "definition", $"comes from a different sweep than {first.Path} (config, its content, workloads, axes or objectives differ)"));
            }
            else if (other.Tool != first.Tool)
            {
                errors.Add(new InputError(other.Path, 0, 0, "tool", $"was computed by {other.Tool} but {first.Path} by {first.Tool}; run all shards with one version"));
            }
            else if (other.Shard.Count != first.Shard.Count)
            {
                errors.Add(new InputError(other.Path, 0, 0, "shard", $"is shard {other.Shard} but {first.Path} is shard {first.Shard}: the shard counts differ"));
            }
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        int count = first.Shard.Count;
        foreach (var twice in shards.GroupBy(s => s.Shard.Index).Where(g => g.Count() > 1))
        {
            errors.Add(new InputError(twice.Last().Path, 0, 0, "shard", $"shard {twice.Key}/{count} is given twice ({string.Join(", ", twice.Select(s => s.Path))})"));
        }

        var missing = Enumerable.Range(1, count).Where(i => shards.All(s => s.Shard.Index != i)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new InputError(Field, 0, 0, string.Empty, $"missing shard{(missing.Count > 1 ? "s" : string.Empty)} {string.Join(", ", missing.Select(i => $"{i}/{count}"))}"));
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        return SweepOutcome.Of(first.Definition, [.. shards.SelectMany(s => s.Results)]);
    }

    /// <summary>The shard files named: files as given, directories by their <c>shard-*-of-*.json</c> files.</summary>
    public static IReadOnlyList<string> Files(IEnumerable<string> inputs)
    {
        var files = new List<string>();
        foreach (string input in inputs)
        {
            if (Directory.Exists(input))
            {
                files.AddRange(Directory.GetFiles(input, "shard-*-of-*.json").Order(StringComparer.Ordinal));
            }
            else if (File.Exists(input))
            {
                files.Add(input);
            }
            else
            {
                throw Error(input, "no such file or directory");
            }
        }

        return files;
    }

    private static InputException Error(string file, string message) => new(new InputError(file, 0, 0, string.Empty, message));
}
