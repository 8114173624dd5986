namespace QuantSim.Simulator.Dram;

/// <summary>The parts a physical address is split into, from most to least significant as configured.</summary>
public enum AddressField
{
    Row,
    Bank,
    BankGroup,
    Channel,
    Column,
}
