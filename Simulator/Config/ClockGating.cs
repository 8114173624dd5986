namespace QuantSim.Simulator.Config;

/// <summary>Which flip-flops of the array receive the clock in a given cycle (config <c>array.clock_gating</c>).</summary>
public enum ClockGating
{
    /// <summary>
    /// <c>none</c>: every flip-flop of every PE, output lane, edge unit and parameter register is clocked in
    /// every cycle of the run, stalls and idle PEs included: the upper bound.
    /// </summary>
    None,

    /// <summary>
    /// <c>idle-pe</c>: a PE's clock is enabled only in the cycles in which it holds a fold's operands
    /// (its busy cycles: the cycles of the folds it takes part in, fill, drain and stalls excluded), the
    /// usual coarse-grained gating of a systolic array; output lanes, edge units and parameter registers
    /// are still clocked in every cycle.
    /// </summary>
    IdlePe,
}
