namespace QuantSim.Workloads.Zoo;

/// <summary>
/// VGG-16 (Simonyan and Zisserman 2015, configuration D), as torchvision's "vgg16": 224 x 224 x 3,
/// thirteen 3 x 3 convolutions with padding 1 and biases, 2 x 2 max pooling, three FC layers.
/// </summary>
internal static class Vgg16
{
    public static Workload Build()
    {
        var net = new NetworkBuilder("vgg16", 224, 224, 3);
        int[][] stages = [[64, 64], [128, 128], [256, 256, 256], [512, 512, 512], [512, 512, 512]];
        for (int stage = 0; stage < stages.Length; stage++)
        {
            for (int i = 0; i < stages[stage].Length; i++)
            {
                net.Conv($"conv{stage + 1}_{i + 1}", 3, stages[stage][i], pad: 1, bias: true);
            }

            net.Pool(2, 2);
        }

        net.FullyConnected("fc6", 4096);
        net.FullyConnected("fc7", 4096);
        net.FullyConnected("fc8", 1000);
        return net.Build();
    }
}
