using QuantSim.Simulator.Systolic;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Tests.Mapping;

/// <summary>A real convolution on the register-level array against a direct 7-loop convolution.</summary>
[TestFixture]
public sealed class Im2ColTests
{
    public static IEnumerable<TestCaseData> Convs()
    {
        yield return new TestCaseData(new ConvLayer("plain", 7, 6, 3, 3, 3, 4), Dataflow.OutputStationary);
        yield return new TestCaseData(new ConvLayer("strided-padded", 9, 8, 4, 3, 3, 5) { StrideH = 2, StrideW = 2, PadH = 1, PadW = 1 }, Dataflow.WeightStationary);
        yield return new TestCaseData(new ConvLayer("dilated", 10, 9, 2, 3, 2, 3) { DilationH = 2, DilationW = 3, PadW = 2 }, Dataflow.InputStationary);
        yield return new TestCaseData(new ConvLayer("grouped", 6, 6, 6, 3, 3, 9) { Groups = 3, PadH = 1, PadW = 1 }, Dataflow.WeightStationary);
        yield return new TestCaseData(ConvLayer.Depthwise("depthwise", 8, 8, 5, 3, 2, 1), Dataflow.OutputStationary);
    }

    [TestCaseSource(nameof(Convs))]
    public void Should_equal_a_direct_convolution(ConvLayer conv, Dataflow dataflow)
    {
        // Given random input and weights
        var rng = new Random(5);
        var input = Enumerable.Range(0, conv.InputHeight * conv.InputWidth * conv.InputChannels).Select(_ => rng.Next(-9, 10)).ToArray();
        var weights = Enumerable.Range(0, conv.Filters * conv.KernelHeight * conv.KernelWidth * conv.ChannelsPerGroup).Select(_ => rng.Next(-9, 10)).ToArray();

        // When lowered with im2col and run on a 4x3 register-level array
        var ops = Im2Col.Operands(conv, input, weights, "w");
        var result = RegisterArray.Run(new ArrayConfig(4, 3, dataflow, TimingConvention.Native), ops);

        // Then the output tensor is the direct convolution's
        Assert.That(Im2Col.OutputTensor(conv, result.Outputs), Is.EqualTo(Direct(conv, input, weights)));
    }

    private static int[] Direct(ConvLayer c, int[] input, int[] weights)
    {
        int cg = c.ChannelsPerGroup, fg = c.FiltersPerGroup;
        var output = new int[c.OutputHeight * c.OutputWidth * c.Filters];
        for (int p = 0; p < c.OutputHeight; p++)
        {
            for (int q = 0; q < c.OutputWidth; q++)
            {
                for (int f = 0; f < c.Filters; f++)
                {
                    int g = f / fg, sum = 0;
                    for (int r = 0; r < c.KernelHeight; r++)
                    {
                        for (int s = 0; s < c.KernelWidth; s++)
                        {
                            int h = p * c.StrideH - c.PadH + r * c.DilationH, w = q * c.StrideW - c.PadW + s * c.DilationW;
                            for (int ch = 0; ch < cg && h >= 0 && h < c.InputHeight && w >= 0 && w < c.InputWidth; ch++)
                            {
                                sum += input[(h * c.InputWidth + w) * c.InputChannels + g * cg + ch]
                                       * weights[((f * c.KernelHeight + r) * c.KernelWidth + s) * cg + ch];
                            }
                        }
                    }

                    output[(p * c.OutputWidth + q) * c.Filters + f] = sum;
                }
            }
        }

        return output;
    }
}
