namespace QuantSim.Simulator.Timing;

/// <summary>
/// When each fold runs: the cycle its first streamed operand enters row 0
/// (<see cref="StreamStart"/>), the cycle its stationary tile starts loading (<see cref="LoadStart"/>,
/// -1 for output-stationary), and the cycle its last output leaves the array
/// (<see cref="LastOutput"/>). <see cref="TotalCycles"/> counts cycles 0 .. last output inclusive.
/// </summary>
public sealed record FoldSchedule(long[] StreamStart, long[] LoadStart, long[] LastOutput, long TotalCycles)
{
    /// <summary>
    /// Array cycles to clock cycles, each array cycle lasting <paramref name="clocksPerArrayCycle"/>
    /// clocks: an output leaves at the end of its array cycle's last clock.
    /// </summary>
    public FoldSchedule InClocks(long clocksPerArrayCycle) => clocksPerArrayCycle == 1 ? this : new(
        StreamStart.Select(c => c * clocksPerArrayCycle).ToArray(),
        LoadStart.Select(c => c < 0 ? c : c * clocksPerArrayCycle).ToArray(),
        LastOutput.Select(c => ((c + 1) * clocksPerArrayCycle) - 1).ToArray(),
        TotalCycles * clocksPerArrayCycle);
}
