namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>The three SRAM streams of SCALE-Sim's traces.</summary>
public enum ScaleSimOperand
{
    Ifmap,
    Filter,
    Ofmap,
}
