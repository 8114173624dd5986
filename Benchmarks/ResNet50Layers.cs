using QuantSim.Workloads.Layers;

namespace QuantSim.Benchmarks;

/// <summary>
/// The conv and FC layers of ResNet-50 (He et al. 2016, torchvision v1.5: stride on the 3x3 of each
/// stage's first bottleneck), 224x224 input: 53 convolutions and one FC, 4.09 GMACs.
/// </summary>
public static class ResNet50Layers
{
    public static IReadOnlyList<Layer> All()
    {
        var layers = new List<Layer>
        {
            new ConvLayer("conv1", 224, 224, 3, 7, 7, 64) { StrideH = 2, StrideW = 2, PadH = 3, PadW = 3 },
        };
        int size = 56, channels = 64;
        int[] blocks = [3, 4, 6, 3];
        int[] widths = [64, 128, 256, 512];
        for (int stage = 0; stage < 4; stage++)
        {
            int width = widths[stage], outChannels = width * 4;
            for (int b = 0; b < blocks[stage]; b++)
            {
                int stride = stage > 0 && b == 0 ? 2 : 1;
                string name = $"layer{stage + 1}.{b}";
                layers.Add(new ConvLayer($"{name}.conv1", size, size, channels, 1, 1, width));
                layers.Add(new ConvLayer($"{name}.conv2", size, size, width, 3, 3, width) { StrideH = stride, StrideW = stride, PadH = 1, PadW = 1 });
                int outSize = size / stride;
                layers.Add(new ConvLayer($"{name}.conv3", outSize, outSize, width, 1, 1, outChannels));
                if (b == 0)
                {
                    layers.Add(new ConvLayer($"{name}.downsample", size, size, channels, 1, 1, outChannels) { StrideH = stride, StrideW = stride });
                }

                size = outSize;
                channels = outChannels;
            }
        }

        layers.Add(new FullyConnectedLayer("fc", 2048, 1000));
        return layers;
    }
}
