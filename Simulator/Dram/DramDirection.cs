namespace QuantSim.Simulator.Dram;

public enum DramDirection
{
    Read,
    Write,
}
