namespace QuantSim.Workloads.Zoo;

/// <summary>
/// LeNet-5 (LeCun et al. 1998) for MNIST's 28 x 28 x 1 digits: conv1 pads by 2, which gives the
/// 32 x 32 field of the paper's C1 and its 28 x 28 x 6 output; 2 x 2 subsampling; conv2 5 x 5 x 16
/// to 10 x 10; subsampling to 5 x 5 x 16; FC 120, 84, 10. Modern form, as trained in PyTorch: C3
/// connects to all 6 input maps (the paper's sparse table has 1,516 parameters, this 2,416) and the
/// output is a 10-way FC with bias (the paper's RBF units have 840 fixed parameters, this 850).
/// </summary>
internal static class LeNet5
{
    public static Workload Build()
    {
        var net = new NetworkBuilder("lenet5", 28, 28, 1);
        net.Conv("conv1", 5, 6, pad: 2, bias: true);
        net.Pool(2, 2);
        net.Conv("conv2", 5, 16, bias: true);
        net.Pool(2, 2);
        net.FullyConnected("fc1", 120);
        net.FullyConnected("fc2", 84);
        net.FullyConnected("fc3", 10);
        return net.Build();
    }
}
