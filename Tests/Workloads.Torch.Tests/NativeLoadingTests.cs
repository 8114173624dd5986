using static TorchSharp.torch;

namespace QuantSim.Workloads.Torch.Tests;

/// <summary>
/// Proves on every CI run that TorchSharp's native library loads on this Debian (the build marks its
/// GLIBCXX_3.4.32 requirement weak) and computes a real tensor op.
/// </summary>
public sealed class NativeLoadingTests
{
    [Test]
    public void Should_Compute_A_Conv2d_Forward_Equal_To_A_Hand_Sum()
    {
        // Given a 1x1x3x3 input 1..9 and one 2x2 kernel of ones, no padding, stride 1
        using var input = arange(1, 10, dtype: ScalarType.Float32).reshape(1, 1, 3, 3);
        using var kernel = ones(1, 1, 2, 2, dtype: ScalarType.Float32);

        // When convolving
        using var output = nn.functional.conv2d(input, kernel);

        // Then each output is the sum of a 2x2 window: 1+2+4+5=12, 2+3+5+6=16, 4+5+7+8=24, 5+6+8+9=28
        float[] values = output.data<float>().ToArray();
        Assert.That(values, Is.EqualTo(new float[] { 12, 16, 24, 28 }));
    }
}
