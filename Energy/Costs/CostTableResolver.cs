using QuantSim.Input;

namespace QuantSim.Energy.Costs;

/// <summary>
/// Turns a config's <c>technology: cost_table:</c> value into a loaded table. A bare name such as
/// <c>horowitz-45nm</c> is a built-in table shipped next to the assembly under <c>Tables/</c>;
/// anything that looks like a path (has a directory separator or ends in .yaml/.yml) is a user's
/// file, resolved relative to the config that names it.
/// </summary>
public static class CostTableResolver
{
    public const string DefaultTable = "horowitz-45nm";

    /// <summary>Where the built-in tables are copied at build time.</summary>
    public static string BuiltInDirectory => Path.Combine(AppContext.BaseDirectory, "Tables");

    /// <summary>Names of the built-in tables, sorted.</summary>
    public static IReadOnlyList<string> BuiltInNames =>
        Directory.Exists(BuiltInDirectory)
            ? Directory.GetFiles(BuiltInDirectory, "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>
    /// Loads the table named by <paramref name="nameOrPath"/>; <paramref name="reference"/> is the field
    /// that names it (a relative path is taken from its file's folder; a missing table is its error).
    /// </summary>
    public static CostTable Resolve(string nameOrPath, FieldLocation reference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        if (LooksLikePath(nameOrPath))
        {
            string baseDir = Path.GetDirectoryName(Path.GetFullPath(reference.File)) ?? Directory.GetCurrentDirectory();
            string path = Path.IsPathRooted(nameOrPath) ? nameOrPath : Path.Combine(baseDir, nameOrPath);
            if (!File.Exists(path))
            {
                throw reference.Exception($"cost table file '{path}' does not exist; give a built-in table ({string.Join(", ", BuiltInNames)}) or a path to a YAML table");
            }

            return CostTableReader.ReadFile(path);
        }

        string builtIn = Path.Combine(BuiltInDirectory, nameOrPath + ".yaml");
        if (!File.Exists(builtIn))
        {
            throw reference.Exception($"unknown cost table '{nameOrPath}'; built-in tables: {string.Join(", ", BuiltInNames)}; or give a path to a YAML table");
        }

        return CostTableReader.ReadFile(builtIn);
    }

    /// <summary>A built-in table by name (the program's own choice, e.g. a default).</summary>
    public static CostTable BuiltIn(string name) => Resolve(name, FieldLocation.Unplaced("built-in tables", "cost_table"));

    private static bool LooksLikePath(string value) =>
        value.Contains('/') || value.Contains('\\') || value.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || value.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
