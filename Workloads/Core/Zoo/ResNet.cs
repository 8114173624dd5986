namespace QuantSim.Workloads.Zoo;

/// <summary>
/// Residual networks (He et al. 2016) as torchvision builds them: every convolution without bias and
/// followed by batch norm; projection shortcuts (1 x 1 conv + batch norm) where the shape changes;
/// ResNet-50 is "v1.5" (the stride-2 of a bottleneck sits on its 3 x 3 conv, not its first 1 x 1).
/// The CIFAR ResNet-20 (paper section 4.2) uses parameter-free shortcuts (option A: identity with
/// zero-padded channels and stride-2 subsampling).
/// </summary>
internal static class ResNet
{
    public static Workload ResNet18()
    {
        var net = ImageNetStem("resnet18");
        int[] widths = [64, 128, 256, 512];
        for (int stage = 0; stage < widths.Length; stage++)
        {
            for (int block = 0; block < 2; block++)
            {
                int stride = stage > 0 && block == 0 ? 2 : 1;
                string prefix = $"layer{stage + 1}.{block}";
                var input = net.Shape;
                net.Conv($"{prefix}.conv1", 3, widths[stage], stride, pad: 1, norm: true);
                net.Conv($"{prefix}.conv2", 3, widths[stage], pad: 1, norm: true);
                Shortcut(net, prefix, input, widths[stage], stride);
            }
        }

        return Head(net);
    }

    public static Workload ResNet50()
    {
        var net = ImageNetStem("resnet50");
        int[] widths = [64, 128, 256, 512];
        int[] blocks = [3, 4, 6, 3];
        for (int stage = 0; stage < widths.Length; stage++)
        {
            for (int block = 0; block < blocks[stage]; block++)
            {
                int stride = stage > 0 && block == 0 ? 2 : 1;
                string prefix = $"layer{stage + 1}.{block}";
                var input = net.Shape;
                net.Conv($"{prefix}.conv1", 1, widths[stage], norm: true);
                net.Conv($"{prefix}.conv2", 3, widths[stage], stride, pad: 1, norm: true);
                net.Conv($"{prefix}.conv3", 1, 4 * widths[stage], norm: true);
                Shortcut(net, prefix, input, 4 * widths[stage], stride);
            }
        }

        return Head(net);
    }

    public static Workload ResNet20Cifar()
    {
        var net = new NetworkBuilder("resnet20", 32, 32, 3);
        net.Conv("conv1", 3, 16, pad: 1, norm: true);
        int[] widths = [16, 32, 64];
        for (int stage = 0; stage < widths.Length; stage++)
        {
            for (int block = 0; block < 3; block++)
            {
                int stride = stage > 0 && block == 0 ? 2 : 1;
                string prefix = $"layer{stage + 1}.{block}";
                net.Conv($"{prefix}.conv1", 3, widths[stage], stride, pad: 1, norm: true);
                net.Conv($"{prefix}.conv2", 3, widths[stage], pad: 1, norm: true);
            }
        }

        net.GlobalPool();
        net.FullyConnected("fc", 10);
        return net.Build();
    }

    private static NetworkBuilder ImageNetStem(string name)
    {
        var net = new NetworkBuilder(name, 224, 224, 3);
        net.Conv("conv1", 7, 64, stride: 2, pad: 3, norm: true);
        net.Pool(3, 2, pad: 1);
        return net;
    }

    /// <summary>A projection shortcut when the block changes the shape; identity (no layer) otherwise.</summary>
    private static void Shortcut(NetworkBuilder net, string prefix, (int Height, int Width, int Channels) input, int outputs, int stride)
    {
        if (stride == 1 && input.Channels == outputs)
        {
            return;
        }

        var output = net.Shape;
        net.Shape = input;
        net.Conv($"{prefix}.downsample", 1, outputs, stride, norm: true);
        net.Shape = output;
    }

    private static Workload Head(NetworkBuilder net)
    {
        net.GlobalPool();
        net.FullyConnected("fc", 1000);
        return net.Build();
    }
}
