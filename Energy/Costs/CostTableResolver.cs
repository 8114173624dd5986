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
    /// Loads the table named by <paramref name="nameOrPath"/>. <paramref name="configFile"/> is the
    /// config that names it (for relative paths and for the error message when the name is unknown).
    /// </summary>
    public static CostTable Resolve(string nameOrPath, string? configFile = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        if (LooksLikePath(nameOrPath))
        {
            string baseDir = configFile is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(configFile))!;
            string path = Path.IsPathRooted(nameOrPath) ? nameOrPath : Path.Combine(baseDir, nameOrPath);
            if (!File.Exists(path))
            {
                throw new InputException(new InputError(configFile ?? path, 0, 0, "technology.cost_table", $"cost table file '{path}' does not exist"));
            }

            return CostTableReader.ReadFile(path);
        }

        string builtIn = Path.Combine(BuiltInDirectory, nameOrPath + ".yaml");
        if (!File.Exists(builtIn))
        {
            throw new InputException(new InputError(configFile ?? nameOrPath, 0, 0, "technology.cost_table",
                $"unknown cost table '{nameOrPath}'; built-in tables: {string.Join(", ", BuiltInNames)}; or give a path to a YAML table"));
        }

        return CostTableReader.ReadFile(builtIn);
    }

    private static bool LooksLikePath(string value) =>
        value.Contains('/') || value.Contains('\\') || value.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || value.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
