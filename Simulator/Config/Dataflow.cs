namespace QuantSim.Simulator.Config;

/// <summary>Which operand stays in the PEs while the others stream through the array.</summary>
public enum Dataflow
{
    /// <summary>Output-stationary (<c>os</c>): each PE accumulates one output.</summary>
    OutputStationary,

    /// <summary>Weight-stationary (<c>ws</c>): each PE holds one weight.</summary>
    WeightStationary,

    /// <summary>Input-stationary (<c>is</c>): each PE holds one input activation.</summary>
    InputStationary,
}
