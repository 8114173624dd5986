using QuantSim.Simulator.Systolic;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;

namespace QuantSim.Simulator.Tests.Systolic;

[TestFixture]
public sealed class OperandTransformTests
{
    private sealed class ZeroPointOperands : IOperandTransform
    {
        public int Activation(int value) => value - 3;

        public int Weight(int value) => -value;
    }

    [TestCase(Dataflow.OutputStationary)]
    [TestCase(Dataflow.WeightStationary)]
    [TestCase(Dataflow.InputStationary)]
    public void Should_multiply_the_transformed_operands(Dataflow dataflow)
    {
        // Given operands and a transform subtracting a zero point of 3 from activations and negating weights
        var problem = new GemmProblem("zp", 9, 5, 7);
        var ops = GemmOperands.Random(problem, 11, 0, 15);
        var transformed = new GemmOperands(problem, [ops.A[0].Select(a => a - 3).ToArray()], [ops.B[0].Select(b => -b).ToArray()]);

        // When the array runs with the transform
        var result = RegisterArray.Run(DataflowMapper.Map(problem, 4, 3, dataflow), ops, new ZeroPointOperands());

        // Then it equals the plain GEMM of the transformed operands
        Assert.That(result.Outputs[0], Is.EqualTo(ReferenceGemm.Multiply(transformed)[0]));
    }
}
