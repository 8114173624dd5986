namespace QuantSim.Workloads.Tests.Zoo;

/// <summary>
/// Exact MACs and parameters of the torchvision-shaped models from a reference written here with
/// closed-form per-layer sums over the papers' tables, independent of the zoo's layer builder.
/// The published figures (ModelZooTests) only pin the totals to 2 decimals; these pin them to the unit.
/// </summary>
[TestFixture]
public sealed class ReferenceCountTests
{
    /// <summary>MACs and weights of a square convolution on a square map, plus its output size.</summary>
    private static (int Out, long Macs, long Weights) Conv(int size, int kernel, int stride, int pad, int cin, int cout, int groups = 1)
    {
        int output = (size + 2 * pad - kernel) / stride + 1;
        long weights = (long)cout * kernel * kernel * cin / groups;
        return (output, (long)output * output * weights, weights);
    }

    [Test]
    public void Should_count_resnet50_exactly_as_the_reference()
    {
        // He et al. 2016 Table 1 (50-layer): stages of 3, 4, 6, 3 bottlenecks of width 64..512, x4 expansion;
        // torchvision v1.5: stride on the 3x3; BN (2 per channel) after every conv; fc 2048 -> 1000 with bias.
        long macs = 0, parameters = 0;
        var stem = Conv(224, 7, 2, 3, 3, 64);
        macs += stem.Macs;
        parameters += stem.Weights + 2 * 64;
        int size = (stem.Out + 2 - 3) / 2 + 1, channels = 64;
        foreach (var (width, blocks, stageStride) in new[] { (64, 3, 1), (128, 4, 2), (256, 6, 2), (512, 3, 2) })
        {
            for (int b = 0; b < blocks; b++)
            {
                int stride = b == 0 ? stageStride : 1;
                var reduce = Conv(size, 1, 1, 0, channels, width);
                var spatial = Conv(size, 3, stride, 1, width, width);
                var expand = Conv(spatial.Out, 1, 1, 0, width, 4 * width);
                macs += reduce.Macs + spatial.Macs + expand.Macs;
                parameters += reduce.Weights + spatial.Weights + expand.Weights + 2 * (width + width + 4 * width);
                if (b == 0)
                {
                    var projection = Conv(size, 1, stride, 0, channels, 4 * width);
                    macs += projection.Macs;
                    parameters += projection.Weights + 2 * 4 * width;
                }

                size = spatial.Out;
                channels = 4 * width;
            }
        }

        macs += 2048 * 1000;
        parameters += 2048 * 1000 + 1000;

        var resnet50 = ModelZooTests.Get("resnet50");
        Assert.That((resnet50.Macs, resnet50.Parameters), Is.EqualTo((macs, parameters)));
        Assert.That(parameters, Is.EqualTo(25_557_032L), "torchvision ResNet50_Weights num_params");
    }

    [Test]
    public void Should_count_mobilenetv2_exactly_as_the_reference()
    {
        // Sandler et al. 2018 Table 2 (t, c, n, s) and Figure 4 / Table 1 (expand 1x1, depthwise 3x3, project 1x1); BN after each conv.
        long macs = 0, parameters = 0;
        var stem = Conv(224, 3, 2, 1, 3, 32);
        macs += stem.Macs;
        parameters += stem.Weights + 64;
        int size = stem.Out, channels = 32;
        foreach (var (t, c, n, s) in new[] { (1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1) })
        {
            for (int i = 0; i < n; i++)
            {
                int hidden = channels * t;
                if (t != 1)
                {
                    var expand = Conv(size, 1, 1, 0, channels, hidden);
                    macs += expand.Macs;
                    parameters += expand.Weights + 2 * hidden;
                }

                var depthwise = Conv(size, 3, i == 0 ? s : 1, 1, hidden, hidden, hidden);
                var project = Conv(depthwise.Out, 1, 1, 0, hidden, c);
                macs += depthwise.Macs + project.Macs;
                parameters += depthwise.Weights + 2 * hidden + project.Weights + 2 * c;
                size = depthwise.Out;
                channels = c;
            }
        }

        var last = Conv(size, 1, 1, 0, channels, 1280);
        macs += last.Macs + 1280 * 1000;
        parameters += last.Weights + 2 * 1280 + 1280 * 1000 + 1000;

        var mobilenet = ModelZooTests.Get("mobilenetv2");
        Assert.That((mobilenet.Macs, mobilenet.Parameters), Is.EqualTo((macs, parameters)));
        Assert.That(parameters, Is.EqualTo(3_504_872L), "torchvision MobileNet_V2_Weights num_params");
    }
}
