namespace QuantSim.Simulator.Config;

/// <summary>The three operand buffers between DRAM and the array.</summary>
public sealed record BufferSetConfig(BufferConfig Ifmap, BufferConfig Filter, BufferConfig Ofmap, bool DoubleBuffered);
