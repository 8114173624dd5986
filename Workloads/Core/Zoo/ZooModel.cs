namespace QuantSim.Workloads.Zoo;

/// <summary>One built-in network: its lookup name, what it is and where its shapes come from.</summary>
public sealed record ZooModel(string Name, string Description, Func<Workload> Build);
