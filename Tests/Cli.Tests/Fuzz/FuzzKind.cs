namespace QuantSim.Cli.Tests.Fuzz;

/// <summary>The input kinds the fuzz corpus mutates, one for each reader the CLI has.</summary>
public enum FuzzKind
{
    Config,
    DramSet,
    CostTable,
    Trace,
    ScaleSimConfig,
    ScaleSimTopology,
    ResultFile,
    SweepArguments,
}
