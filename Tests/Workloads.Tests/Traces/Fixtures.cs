namespace QuantSim.Workloads.Tests.Traces;

/// <summary>Where the copied SCALE-Sim files live, and SCALE-Sim's reference folder when this checkout has one.</summary>
internal static class Fixtures
{
    public static string ScaleSim => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "scalesim");

    public static string File(string name) => Path.Combine(ScaleSim, name);

    /// <summary>The shared SCALE-Sim reference folder (<c>shared/reference/scalesim</c> next to an ancestor), or null.</summary>
    public static string? SharedReference()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "reference", "scalesim");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
