using QuantSim.Workloads.Layers;
using QuantSim.Workloads.Zoo;

namespace QuantSim.Workloads.Tests.Zoo;

/// <summary>
/// Totals of every zoo model against published figures. Parameters follow PyTorch's count
/// (weights + biases + 2 per batch/layer-norm channel), which is what torchvision publishes as
/// num_params, so those match to the unit. torchvision's "GFLOPS" column counts multiply-adds of
/// conv and linear layers and is printed with 2 decimals, so MACs must round to it.
/// </summary>
[TestFixture]
public sealed class ModelZooTests
{
    // Source: torchvision model docs, weights metadata "num_params" and "GFLOPS" (GMACs):
    //   VGG16_Weights.IMAGENET1K_V1        num_params 138,357,544  GFLOPS 15.47
    //   ResNet18_Weights.IMAGENET1K_V1     num_params  11,689,512  GFLOPS  1.81
    //   ResNet50_Weights.IMAGENET1K_V1     num_params  25,557,032  GFLOPS  4.09
    //   MobileNet_V2_Weights.IMAGENET1K_V1 num_params   3,504,872  GFLOPS  0.30
    // (https://pytorch.org/vision/stable/models.html). MobileNetV2 paper, Table 4: 300M MAdds.
    // He et al. 2016 Table 1: ResNet-50 "3.8 x 10^9 FLOPs" is v1 (stride on the first 1x1);
    // torchvision's v1.5 moves the stride to the 3x3 conv, hence 4.09.
    [TestCase("vgg16", 138_357_544L, 15.47)]
    [TestCase("resnet18", 11_689_512L, 1.81)]
    [TestCase("resnet50", 25_557_032L, 4.09)]
    [TestCase("mobilenetv2", 3_504_872L, 0.30)]
    public void Should_match_torchvision_published_parameters_and_gmacs(string name, long parameters, double gmacs)
    {
        // Given the zoo model
        var workload = Get(name);

        // Then the parameter count is exact and the MACs round to the published two decimals
        Assert.That(workload.Parameters, Is.EqualTo(parameters));
        Assert.That(Math.Round(workload.Macs / 1e9, 2), Is.EqualTo(gmacs));
    }

    [Test]
    public void Should_count_alexnet_as_Sze_et_al_table()
    {
        // Source: Sze, Chen, Yang, Emer, "Efficient Processing of Deep Neural Networks: A Tutorial and
        // Survey", Proc. IEEE 105(12), 2017, Table III (AlexNet): CONV 2.3M weights 666M MACs,
        // FC 58.6M weights 58.6M MACs, total 61M weights 724M MACs.
        // Exact by hand (227x227 input, groups 2 on conv2/4/5):
        //   conv1 55*55*96*(11*11*3)=105,415,200   conv2 27*27*256*(5*5*48)=223,948,800
        //   conv3 13*13*384*(3*3*256)=149,520,384  conv4 13*13*384*(3*3*192)=112,140,288
        //   conv5 13*13*256*(3*3*192)=74,760,192   -> conv 665,784,864
        //   fc 9216*4096 + 4096*4096 + 4096*1000 = 58,621,952   -> total 724,406,816
        // Weights: conv 34,848+307,200+884,736+663,552+442,368 = 2,332,704; fc 58,621,952;
        // biases 96+256+384+384+256+4096+4096+1000 = 10,568 -> 60,965,224 (Caffe bvlc_alexnet's count).
        var alexnet = Get("alexnet");
        var convs = alexnet.Layers.OfType<ConvLayer>().ToList();
        var fcs = alexnet.Layers.OfType<FullyConnectedLayer>().ToList();

        Assert.That(convs.Sum(l => l.Macs), Is.EqualTo(665_784_864L));
        Assert.That(Math.Round(convs.Sum(l => l.Macs) / 1e6), Is.EqualTo(666));
        Assert.That(Math.Round(convs.Sum(l => l.Parameters - l.Filters) / 1e5) / 10, Is.EqualTo(2.3));
        Assert.That(Math.Round(fcs.Sum(l => l.Macs) / 1e5) / 10, Is.EqualTo(58.6));
        Assert.That(alexnet.Macs, Is.EqualTo(724_406_816L));
        Assert.That(Math.Round(alexnet.Macs / 1e6), Is.EqualTo(724));
        Assert.That(alexnet.Parameters, Is.EqualTo(60_965_224L));
    }

    [Test]
    public void Should_count_vgg16_as_Sze_et_al_table()
    {
        // Source: Sze et al. 2017, Table III (VGG-16): 138M weights, 15.5G MACs.
        var vgg = Get("vgg16");
        Assert.That(Math.Round(vgg.Macs / 1e8) / 10, Is.EqualTo(15.5));
        Assert.That(Math.Round(vgg.Parameters / 1e6), Is.EqualTo(138));
    }

    [Test]
    public void Should_count_cifar_resnet20_by_hand_and_as_the_paper()
    {
        // Source: He et al. 2016, Table 6: ResNet-20 has 0.27M parameters.
        // By hand: conv1 3*16*9=432 (+32 BN); stage 1: 6 convs of 16*16*9=2,304 -> 13,824 (+192 BN);
        // stage 2: 16*32*9=4,608 + 5*32*32*9=46,080 -> 50,688 (+384 BN);
        // stage 3: 32*64*9=18,432 + 5*64*64*9=184,320 -> 202,752 (+768 BN); fc 64*10+10 = 650.
        // Sum 269,722.
        // MACs: conv1 32*32*16*27=442,368; stage 1: 6*32*32*16*144=14,155,776;
        // stage 2: 16*16*32*144=1,179,648 + 5*16*16*32*288=11,796,480;
        // stage 3: 8*8*64*288=1,179,648 + 5*8*8*64*576=11,796,480; fc 640 -> 40,551,040.
        var resnet20 = Get("resnet20");
        Assert.That(resnet20.Parameters, Is.EqualTo(269_722L));
        Assert.That(Math.Round(resnet20.Parameters / 1e4) / 100, Is.EqualTo(0.27));
        Assert.That(resnet20.Macs, Is.EqualTo(40_551_040L));
        Assert.That(resnet20.Layers.Count(l => l is ConvLayer or FullyConnectedLayer), Is.EqualTo(20), "19 convs + 1 fc, the 20 of its name");
    }

    [Test]
    public void Should_count_lenet5_by_hand_and_as_LeCun_1998()
    {
        // Source: LeCun et al. 1998, "Gradient-based learning applied to document recognition",
        // section II.B: C1 has 156 trainable parameters, C5 48,120, F6 10,164.
        // Differences (documented on LeNet5): C3 fully connected 16*(6*25)+16 = 2,416; output FC 84*10+10 = 850.
        // Total 156 + 2,416 + 48,120 + 10,164 + 850 = 61,706.
        // MACs: 28*28*6*25=117,600; 10*10*16*150=240,000; 400*120=48,000; 120*84=10,080; 84*10=840 -> 416,520.
        var lenet = Get("lenet5");
        Assert.That(lenet.Layers.Select(l => l.Parameters), Is.EqualTo(new long[] { 156, 2_416, 48_120, 10_164, 850 }));
        Assert.That(lenet.Parameters, Is.EqualTo(61_706L));
        Assert.That(lenet.Macs, Is.EqualTo(416_520L));
    }

    [TestCase(128, 931_135_488L)]
    [TestCase(512, 4_026_531_840L)]
    public void Should_count_one_bert_base_encoder_layer(int sequence, long macs)
    {
        // By hand from Devlin et al. 2019 (d=768, 12 heads of 64, FFN 3072), L = sequence:
        //   Q,K,V,output projections 4*L*768*768 + FFN 2*L*768*3072 = 7,077,888*L
        //   scores and context: 2 * 12 heads * L*L*64 = 1,536*L^2
        //   L=128: 905,969,664 + 25,165,824 = 931,135,488; L=512: 3,623,878,656 + 402,653,184 = 4,026,531,840.
        // Parameters: HuggingFace bert-base-uncased has 109,482,240 in all; minus embeddings
        // (30,522+512+2)*768 + 2*768 (LN) = 23,837,184 and pooler 768*768+768 = 590,592 leaves
        // 85,054,464 = 12 layers x 7,087,872.
        var bert = Get($"bert-base-{sequence}");
        Assert.That(bert.Macs, Is.EqualTo(macs));
        Assert.That(bert.Parameters, Is.EqualTo(7_087_872L));
        Assert.That(12 * bert.Parameters, Is.EqualTo(109_482_240L - 23_837_184L - 590_592L));
    }

    [Test]
    public void Should_give_every_zoo_model_valid_layers_and_unique_layer_names()
    {
        foreach (var model in ModelZoo.All)
        {
            var workload = model.Build();
            Assert.That(workload.Name, Is.EqualTo(model.Name));
            Assert.That(workload.Layers.SelectMany(l => l.Problems()), Is.Empty, model.Name);
            Assert.That(workload.Layers.Select(l => l.Name).Distinct().Count(), Is.EqualTo(workload.Layers.Length), model.Name);
        }
    }

    [Test]
    public void Should_find_models_by_name_ignoring_case_and_refuse_unknown_names()
    {
        Assert.That(ModelZoo.TryGet("ResNet50", out var resnet), Is.True);
        Assert.That(resnet.Name, Is.EqualTo("resnet50"));
        Assert.That(ModelZoo.TryGet("resnet51", out _), Is.False);
    }

    internal static Workload Get(string name)
    {
        Assert.That(ModelZoo.TryGet(name, out var workload), Is.True, name);
        return workload;
    }
}
