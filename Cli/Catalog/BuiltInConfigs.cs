using QuantSim.Input;

namespace QuantSim.Cli.Catalog;

/// <summary>
/// The accelerator configs shipped in accel-configs/ (copied next to the executable). Wherever a
/// config is accepted, a built-in name (e.g. <c>default</c>) or a path to a YAML file works.
/// </summary>
public static class BuiltInConfigs
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "accel-configs");

    public static IReadOnlyList<string> Files =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.GetFiles(Directory, "*.yaml").Order(StringComparer.Ordinal).ToList()
            : [];

    public static IEnumerable<string> Names => Files.Select(Path.GetFileNameWithoutExtension)!;

    /// <summary>A path that exists, or the file of a built-in config of that name.</summary>
    public static string Resolve(string nameOrPath, string field)
    {
        if (System.IO.Directory.Exists(nameOrPath))
        {
            throw new InputException(new InputError(nameOrPath, 0, 0, field, "is a directory; give a config YAML file or a built-in config name"));
        }

        if (File.Exists(nameOrPath))
        {
            return nameOrPath;
        }

        string builtIn = Path.Combine(Directory, nameOrPath + ".yaml");
        if (File.Exists(builtIn))
        {
            return builtIn;
        }

        throw new InputException(new InputError(nameOrPath, 0, 0, field,
            $"no such file and no built-in config of that name; built-in: {string.Join(", ", Names)}"));
    }
}
