using QuantSim.Datapaths.Numerics;
using QuantSim.Simulator.Systolic;

namespace QuantSim.Datapaths.Tests.Integration;

/// <summary>
/// The adapter between a datapath kernel and the register-level array: the array's edge transform is
/// the kernel's PE operand transform (the in-PE zero-point subtract); everything else is the array's
/// plain wrapping multiply-accumulate followed by <see cref="IntegerKernel.FinishRows"/>.
/// </summary>
public sealed class KernelOperandTransform(IntegerKernel kernel) : IOperandTransform
{
    public int Activation(int value) => kernel.PeActivation(value);

    public int Weight(int value) => kernel.PeWeight(value);
}
