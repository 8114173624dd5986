using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Hardware;
using QuantSim.Datapaths.MixedPrecision;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Tests.Variants;

[TestFixture]
public sealed class MixedPrecisionTests
{
    private static readonly MixedPrecisionDatapath Datapath = new();

    private static IEnumerable<int> Codes(int bits, bool signed) =>
        signed ? Enumerable.Range(-(1 << (bits - 1)), 1 << bits) : Enumerable.Range(0, 1 << bits);

    [TestCase(2, 2)]
    [TestCase(4, 4)]
    [TestCase(8, 8)]
    [TestCase(2, 8)]
    [TestCase(8, 4)]
    public void Should_form_exact_products_from_BitBricks_exhaustively(int weightBits, int activationBits)
    {
        // Every signed weight code times every activation code, unsigned and signed activations.
        foreach (bool activationSigned in new[] { false, true })
        {
            var unit = new BitFusionMultiplier(activationBits, activationSigned, weightBits, true);
            foreach (int w in Codes(weightBits, true))
            {
                foreach (int a in Codes(activationBits, activationSigned))
                {
                    Assert.That(unit.Multiply(a, w), Is.EqualTo((long)a * w), $"{a} x {w}");
                }
            }
        }
    }

    [TestCase(2)]
    [TestCase(4)]
    [TestCase(8)]
    public void Should_form_exact_products_bit_serially_exhaustively(int bits)
    {
        foreach (bool activationSigned in new[] { false, true })
        {
            var unit = new BitSerialMultiplier(bits, activationSigned);
            foreach (int w in Codes(8, true))
            {
                foreach (int a in Codes(bits, activationSigned))
                {
                    Assert.That(unit.Multiply(a, w), Is.EqualTo((long)a * w), $"{a} x {w}");
                }
            }
        }
    }

    [Test]
    public void Should_form_exact_16_bit_products_on_random_operands()
    {
        var random = new Random(16);
        var fusion = new BitFusionMultiplier(16, false, 16, true);
        var serial = new BitSerialMultiplier(16, false);
        for (int i = 0; i < 20_000; i++)
        {
            int w = random.Next(short.MinValue, short.MaxValue + 1), a = random.Next(0, 1 << 16);
            Assert.That(fusion.Multiply(a, w), Is.EqualTo((long)a * w));
            Assert.That(serial.Multiply(a, w), Is.EqualTo((long)a * w));
        }
    }

    // Bit Fusion: 16 BitBricks per unit, (b_w/2)(b_a/2) bricks per product:
    // 8x8 -> 16 bricks -> 1/cycle; 4x4 -> 4 -> 4/cycle; 2x2 -> 1 -> 16/cycle; 8x2 -> 4 -> 4/cycle;
    // 16x16 -> 64 -> 1/4 per cycle; 16x8 -> 32 -> 1/2.
    [TestCase(8, 8, "1")]
    [TestCase(4, 4, "4")]
    [TestCase(2, 2, "16")]
    [TestCase(8, 2, "4")]
    [TestCase(16, 16, "1/4")]
    [TestCase(16, 8, "1/2")]
    public void Should_compose_throughput_from_the_precision_on_a_bit_composable_PE(int bw, int ba, string macsPerCycle)
    {
        var inv = Datapath.Inventory(new Precision(bw, ba, 32), DatapathSettings.Resolve(Datapath));
        Assert.That(inv.MacsPerPeCycle.ToString(), Is.EqualTo(macsPerCycle));
        Assert.That(inv.In(OpScope.PerMac).Single(o => o.Kind == OpKind.Multiply).Count, Is.EqualTo(bw / 2 * (ba / 2)));
    }

    // Bit-serial: 16 lanes, one activation bit per cycle each: 16/b_a MACs per cycle.
    [TestCase(8, 8, "2")]
    [TestCase(8, 4, "4")]
    [TestCase(8, 2, "8")]
    [TestCase(4, 16, "1")]
    public void Should_scale_throughput_with_activation_bits_on_a_bit_serial_PE(int bw, int ba, string macsPerCycle)
    {
        var settings = DatapathSettings.Resolve(Datapath, new Dictionary<string, string> { ["pe"] = "bit-serial" });
        var inv = Datapath.Inventory(new Precision(bw, ba, 32), settings);
        Assert.That(inv.MacsPerPeCycle.ToString(), Is.EqualTo(macsPerCycle));
        // A b_a-bit activation: b_a AND gatings of a b_w-bit weight and b_a shift-accumulates per MAC.
        Assert.That(inv.In(OpScope.PerMac).Single(o => o.Kind == OpKind.And), Has.Property("Count").EqualTo(ba).And.Property("Bits").EqualTo(bw));
    }

    [Test]
    public void Should_turn_throughput_into_whole_PE_cycles()
    {
        // 100 MACs at 1/4 MAC per cycle -> 400 cycles; 10 MACs at 16/cycle -> ceil(10/16) = 1 cycle.
        Assert.That(new PeThroughput(16, 64).CyclesFor(100), Is.EqualTo(400));
        Assert.That(new PeThroughput(16, 1).CyclesFor(10), Is.EqualTo(1));
        Assert.That(new PeThroughput(16, 3).CyclesFor(16), Is.EqualTo(3));
    }

    [Test]
    public void Should_require_per_layer_bits_from_the_workload()
    {
        Assert.That(((IDatapath)Datapath).RequiresLayerPrecision, Is.True);
        Assert.That(((IDatapath)new Lsq.LsqDatapath()).RequiresLayerPrecision, Is.False);
    }
}
