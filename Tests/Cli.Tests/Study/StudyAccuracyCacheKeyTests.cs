using QuantSim.Cli.Accuracy;
using QuantSim.Datapaths.Contract;
using QuantSim.Workloads.Layers;
using QuantSim.Workloads.Torch.Accuracy;
using QuantSim.Workloads.Torch.Data;
using QuantSim.Workloads.Torch.Models;

namespace QuantSim.Cli.Tests.Study;

/// <summary>
/// A stored score is reused only for the integers it was scored with: training never sees the accumulator,
/// but a layer whose fixed accumulator can wrap scores differently from the same layer sized to fit.
/// </summary>
public sealed class StudyAccuracyCacheKeyTests
{
    private static string Key(string datapath, IReadOnlyDictionary<string, string> options, bool sized)
    {
        var model = ModelArchitecture.Find("lenet5")!;
        Assert.That(DatapathRegistry.Default.TryGet(datapath, out var plugIn), Is.True, datapath);
        var choice = DatapathChoice.Of(plugIn, new Precision(8, 8, 32), options) with { SizesAccumulators = sized };
        return StudyAccuracyCache.Key(new AccuracyOptions(model, DatasetName.Mnist, AccuracyRequestParser.Quantization(choice, model, (int?)null)));
    }

    [Test]
    public void Should_Score_A_Wrapping_Design_Apart_From_The_Sized_One()
    {
        // Dequantized 16-bit operands over K = 25..400 need 37-41 bits: a fixed 32-bit accumulator wraps
        var dequantize = new Dictionary<string, string> { ["form"] = "dequantize-in-pe", ["dequant_bits"] = "16" };
        Assert.That(Key("scale-offset", dequantize, sized: false), Is.Not.EqualTo(Key("scale-offset", dequantize, sized: true)));
    }

    [Test]
    public void Should_Share_A_Score_Between_Exact_Accumulators_Of_Any_Width()
    {
        // LSQ w8a8 needs 16 + ceil(log2 K) <= 25 bits: the sized and the 32-bit accumulators give the same integers
        var none = new Dictionary<string, string>();
        Assert.That(Key("lsq", none, sized: false), Is.EqualTo(Key("lsq", none, sized: true)));
    }
}
