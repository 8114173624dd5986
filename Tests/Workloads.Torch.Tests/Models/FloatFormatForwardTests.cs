using QuantSim.Workloads.Torch.Models;
using static TorchSharp.torch;

namespace QuantSim.Workloads.Torch.Tests.Models;

/// <summary>
/// The float network scored in the float baseline's operand format (<see cref="QuantizedNetwork.UseComputeType"/>):
/// the forward pass really runs in that format, and stays as close to the float32 one as its precision allows.
/// </summary>
public sealed class FloatFormatForwardTests
{
    // Relative error bounds from the formats' unit roundoff (fp16 2^-11, bf16 2^-8) times a few dozen roundings on
    // the way through ResNet-20's 22 layers; a forward pass left in float32 would fail the lower bound instead.
    [TestCase("fp16", 5e-2)]
    [TestCase("bf16", 2e-1)]
    public void Should_Run_Resnet20_In_The_Format_Close_To_Float32(string format, double bound)
    {
        // Given a ResNet-20 with its initial weights, put in evaluation mode, and a batch of random images
        using var scope = NewDisposeScope();
        using var network = new QuantizedNetwork(ModelArchitecture.ResNet20, seed: 3);
        network.eval();
        manual_seed(11);
        Tensor images = rand(8, 1, 28, 28);
        Tensor reference;
        using (no_grad())
        {
            reference = network.forward(images).to_type(ScalarType.Float64);
        }

        // When it computes in the format
        var type = format == "fp16" ? ScalarType.Float16 : ScalarType.BFloat16;
        network.UseComputeType(type);
        Tensor logits;
        using (no_grad())
        {
            logits = network.forward(images);
        }

        // Then the logits are of that type, differ from float32 (the pass did round), and stay within the bound
        double error = (logits.to_type(ScalarType.Float64) - reference).abs().max().item<double>() / reference.abs().max().item<double>();
        Assert.Multiple(() =>
        {
            Assert.That(logits.dtype, Is.EqualTo(type));
            Assert.That(error, Is.GreaterThan(0).And.LessThan(bound));
        });
    }
}
