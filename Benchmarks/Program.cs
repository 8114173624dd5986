using BenchmarkDotNet.Running;

namespace QuantSim.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project Benchmarks -- --filter '*Array*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
