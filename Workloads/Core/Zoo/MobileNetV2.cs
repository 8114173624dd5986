namespace QuantSim.Workloads.Zoo;

/// <summary>
/// MobileNetV2 1.0 at 224 x 224 (Sandler et al. 2018, Table 2), as torchvision's "mobilenet_v2":
/// every convolution without bias and followed by batch norm; inverted residual blocks of an
/// expanding 1 x 1 (skipped when the expansion t is 1), a 3 x 3 depthwise, a projecting 1 x 1.
/// </summary>
internal static class MobileNetV2
{
    // Table 2 of the paper: expansion t, output channels c, repeats n, first stride s.
    private static readonly (int T, int C, int N, int S)[] Blocks =
        [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1)];

    public static Workload Build()
    {
        var net = new NetworkBuilder("mobilenetv2", 224, 224, 3);
        net.Conv("features.0", 3, 32, stride: 2, pad: 1, norm: true);
        int index = 1;
        foreach (var (t, c, n, s) in Blocks)
        {
            for (int i = 0; i < n; i++, index++)
            {
                int channels = net.Shape.Channels;
                int hidden = channels * t;
                if (t != 1)
                {
                    net.Conv($"features.{index}.expand", 1, hidden, norm: true);
                }

                net.Conv($"features.{index}.depthwise", 3, hidden, i == 0 ? s : 1, pad: 1, groups: hidden, norm: true);
                net.Conv($"features.{index}.project", 1, c, norm: true);
            }
        }

        net.Conv($"features.{index}", 1, 1280, norm: true);
        net.GlobalPool();
        net.FullyConnected("classifier", 1000);
        return net.Build();
    }
}
