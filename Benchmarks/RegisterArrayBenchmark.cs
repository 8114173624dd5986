using BenchmarkDotNet.Attributes;
using QuantSim.Simulator.Systolic;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;

namespace QuantSim.Benchmarks;

/// <summary>
/// One GEMM on the register-level 32x32 array in each dataflow; a derived benchmark supplies the operands
/// and names its benchmark method.
/// </summary>
public abstract class RegisterArrayBenchmark : IPeUpdatesBenchmark
{
    private ArrayMapping _mapping = null!;
    private GemmOperands _operands = null!;

    [Params(Dataflow.OutputStationary, Dataflow.WeightStationary, Dataflow.InputStationary)]
    public Dataflow Dataflow { get; set; }

    public long PeUpdates { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _operands = Operands();
        _mapping = DataflowMapper.Map(_operands.Problem, 32, 32, Dataflow);
        PeUpdates = RegisterArray.Run(_mapping, _operands).PeUpdates;
    }

    /// <summary>The GEMM to run (built once, in setup).</summary>
    protected abstract GemmOperands Operands();

    /// <summary>One run of the array; returns its cycles.</summary>
    protected long RunOnce() => RegisterArray.Run(_mapping, _operands).Cycles;
}
