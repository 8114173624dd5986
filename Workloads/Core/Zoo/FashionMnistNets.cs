namespace QuantSim.Workloads.Zoo;

/// <summary>
/// The two Fashion-MNIST networks whose accuracy <c>quantsim accuracy</c> measures, layer for layer as the
/// accuracy library's architecture description builds them (a test checks the two agree): every layer with
/// a bias (batch norm folded into it, as the integer path runs it), no separate normalization.
/// </summary>
internal static class FashionMnistNets
{
    /// <summary>ResNet-20 on 28x28x1: stem, 3 stages x 3 basic blocks (16/32/64), 1x1 stride-2 projections, GAP, FC.</summary>
    public static Workload ResNet20()
    {
        var net = new NetworkBuilder("resnet20-fmnist", 28, 28, 1);
        net.Conv("conv1", 3, 16, pad: 1, bias: true);
        int[] widths = [16, 32, 64];
        for (int stage = 0; stage < widths.Length; stage++)
        {
            for (int block = 0; block < 3; block++)
            {
                int stride = stage > 0 && block == 0 ? 2 : 1;
                string prefix = $"layer{stage + 1}.{block}";
                var input = net.Shape;
                net.Conv($"{prefix}.conv1", 3, widths[stage], stride, pad: 1, bias: true);
                net.Conv($"{prefix}.conv2", 3, widths[stage], pad: 1, bias: true);
                if (stride != 1 || input.Channels != widths[stage])
                {
                    var output = net.Shape;
                    net.Shape = input;
                    net.Conv($"{prefix}.downsample", 1, widths[stage], stride, bias: true);
                    net.Shape = output;
                }
            }
        }

        net.GlobalPool();
        net.FullyConnected("fc", 10);
        return net.Build();
    }

    /// <summary>The small MobileNetV2-style h-swish network: stem, 4 inverted-residual blocks, 1x1 head, GAP, FC.</summary>
    public static Workload MobileNetHSwish()
    {
        var net = new NetworkBuilder("mobilenet-hswish", 28, 28, 1);
        net.Conv("stem", 3, 16, pad: 1, bias: true);
        (int Out, int Expand, int Stride)[] blocks = [(24, 2, 2), (24, 3, 1), (40, 3, 2), (40, 3, 1)];
        for (int b = 0; b < blocks.Length; b++)
        {
            int hidden = net.Shape.Channels * blocks[b].Expand;
            net.Conv($"block{b + 1}.expand", 1, hidden, bias: true);
            net.Conv($"block{b + 1}.depthwise", 3, hidden, blocks[b].Stride, pad: 1, groups: hidden, bias: true);
            net.Conv($"block{b + 1}.project", 1, blocks[b].Out, bias: true);
        }

        net.Conv("head", 1, 128, bias: true);
        net.GlobalPool();
        net.FullyConnected("fc", 10);
        return net.Build();
    }
}
