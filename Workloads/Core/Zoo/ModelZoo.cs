namespace QuantSim.Workloads.Zoo;

/// <summary>The built-in networks, looked up by name (case-insensitive).</summary>
public static class ModelZoo
{
    /// <summary>Every zoo model, in the order <c>quantsim list workloads</c> shows them.</summary>
    public static IReadOnlyList<ZooModel> All { get; } =
    [
        new("lenet5", "LeNet-5, MNIST 28x28x1", LeNet5.Build),
        new("resnet20", "ResNet-20, CIFAR 32x32x3", ResNet.ResNet20Cifar),
        new("resnet20-fmnist", "ResNet-20, Fashion-MNIST 28x28x1 (the accuracy model)", FashionMnistNets.ResNet20),
        new("mobilenet-hswish", "MobileNetV2-style h-swish net, Fashion-MNIST 28x28x1 (the accuracy model)", FashionMnistNets.MobileNetHSwish),
        new("alexnet", "AlexNet (2 groups), 227x227x3", AlexNet.Build),
        new("vgg16", "VGG-16, 224x224x3", Vgg16.Build),
        new("resnet18", "ResNet-18, 224x224x3", ResNet.ResNet18),
        new("resnet50", "ResNet-50 v1.5, 224x224x3", ResNet.ResNet50),
        new("mobilenetv2", "MobileNetV2 1.0, 224x224x3", MobileNetV2.Build),
        new("bert-base-128", "BERT-base encoder layer, seq 128", () => BertBase.EncoderLayer(128)),
        new("bert-base-512", "BERT-base encoder layer, seq 512", () => BertBase.EncoderLayer(512)),
    ];

    public static IEnumerable<string> Names => All.Select(m => m.Name);

    public static bool TryGet(string name, out Workload workload)
    {
        var model = All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
        workload = model?.Build()!;
        return model is not null;
    }
}
