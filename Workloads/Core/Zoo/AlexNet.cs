namespace QuantSim.Workloads.Zoo;

/// <summary>
/// AlexNet as in Krizhevsky et al. 2012 and Caffe's bvlc_alexnet: 227 x 227 x 3 input (the 224 of
/// the paper does not give its 55 x 55 conv1 output), 96-256-384-384-256 filters, conv2/4/5 split
/// into 2 groups (the two GPUs), biases everywhere, no batch norm. torchvision's "alexnet" is the
/// different one-GPU variant (64-192-384-256-256 filters, no groups).
/// </summary>
internal static class AlexNet
{
    public static Workload Build()
    {
        var net = new NetworkBuilder("alexnet", 227, 227, 3);
        net.Conv("conv1", 11, 96, stride: 4, bias: true);
        net.Pool(3, 2);
        net.Conv("conv2", 5, 256, pad: 2, groups: 2, bias: true);
        net.Pool(3, 2);
        net.Conv("conv3", 3, 384, pad: 1, bias: true);
        net.Conv("conv4", 3, 384, pad: 1, groups: 2, bias: true);
        net.Conv("conv5", 3, 256, pad: 1, groups: 2, bias: true);
        net.Pool(3, 2);
        net.FullyConnected("fc6", 4096);
        net.FullyConnected("fc7", 4096);
        net.FullyConnected("fc8", 1000);
        return net.Build();
    }
}
