namespace QuantSim.Simulator.Memory;

/// <summary>The three operand streams between DRAM, the buffers and the array.</summary>
public enum Operand
{
    /// <summary>Input activations (the GEMM's A), held in the ifmap buffer.</summary>
    Ifmap,

    /// <summary>Weights (the GEMM's B), held in the filter buffer.</summary>
    Filter,

    /// <summary>Outputs and partial sums, held in the ofmap buffer.</summary>
    Ofmap,
}
