using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Hardware;
using QuantSim.Datapaths.Numerics;
using QuantSim.Datapaths.ScaleOffset;
using QuantSim.Datapaths.Tests.Reference;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Tests.Variants;

/// <summary>scale-offset in-pe and folded: same integers, different hardware.</summary>
[TestFixture]
public sealed class ScaleOffsetFormsTests
{
    private static readonly ScaleOffsetDatapath Datapath = new();

    private static DatapathSettings Settings(string form, string weights) =>
        DatapathSettings.Resolve(Datapath, new Dictionary<string, string> { ["form"] = form, ["weights"] = weights });

    [TestCase("symmetric")]
    [TestCase("asymmetric")]
    public void Should_give_identical_outputs_in_pe_and_folded(string weights)
    {
        var random = new Random(4242);
        var inPe = Settings("in-pe", weights);
        var folded = Settings("folded", weights);
        for (int trial = 0; trial < 40; trial++)
        {
            // Given one random conv layer and quantizers (the two forms share the quantizer shapes),
            // including accumulators narrow enough to wrap.
            var layer = RandomLayers.Conv(random);
            var precision = new Precision(random.Next(0, 2) == 0 ? 4 : 8, random.Next(0, 2) == 0 ? 4 : 8, random.Next(18, 33));
            var specs = Datapath.Quantizers(precision, inPe);
            Assert.That(Datapath.Quantizers(precision, folded), Is.EqualTo(specs));
            int k = ConvLowering.ReductionLength(layer);
            var q = RandomLayers.Quantization(random, specs, layer.Filters, k);
            int[] input = RandomLayers.Codes(random, specs.Activations, layer.InputHeight * layer.InputWidth * layer.InputChannels);
            var w = ConvLowering.Weights(layer, RandomLayers.Codes(random, specs.Weights, layer.Filters * k));

            // When both forms run it, Then the output codes are identical.
            var a = LayerRunner.Conv(Datapath.CreateKernel(q, w, precision, inPe), layer, input);
            var b = LayerRunner.Conv(Datapath.CreateKernel(q, w, precision, folded), layer, input);
            Assert.That(b, Is.EqualTo(a), $"trial {trial}: {layer} at {precision}");
        }
    }

    [Test]
    public void Should_state_the_in_pe_inventory_at_w8a8()
    {
        // in-pe, symmetric weights, w8a8, 32-bit accumulator. Derived from the design: the PE
        // subtracts z_x from each 8-bit unsigned code, giving a 9-bit signed operand, so the multiplier
        // is 8 x 9 and there is a 9-bit subtractor plus a z_x register read per MAC.
        var inv = Datapath.Inventory(Precision.W8A8, Settings("in-pe", "symmetric"));
        Assert.That(Lines(inv, OpScope.PerMac), Is.EqualTo(new[]
        {
            "Add 9 x1", "RegisterRead 8 x1", "Multiply 8x9 x1", "Add 32 x1",
            "RegisterRead 8 x1", "RegisterRead 8 x1", "RegisterRead 32 x1", "RegisterWrite 32 x1",
        }));
        Assert.That(inv.In(OpScope.PerRowActivation), Is.Empty);
        Assert.That(inv.PeComponents.Select(c => $"{c.Kind} {c.Width}"), Is.EquivalentTo(new[]
        {
            "Multiplier 8x9", "Adder 32", "Register 8", "Register 8", "Register 32", "Adder 9", "Register 8",
        }));
    }

    [Test]
    public void Should_state_the_folded_inventory_at_w8a8()
    {
        // folded, symmetric weights: the PE is LSQ's (8 x 8 multiplier, no subtractor); z_x·Σw is a
        // per-channel constant folded into the bias offline, so the only run-time extra is the
        // output zero-point add, which both forms share.
        var inv = Datapath.Inventory(Precision.W8A8, Settings("folded", "symmetric"));
        Assert.That(Lines(inv, OpScope.PerMac), Is.EqualTo(new[]
        {
            "Multiply 8x8 x1", "Add 32 x1",
            "RegisterRead 8 x1", "RegisterRead 8 x1", "RegisterRead 32 x1", "RegisterWrite 32 x1",
        }));
        Assert.That(inv.PeComponents.Select(c => $"{c.Kind} {c.Width}"), Is.EquivalentTo(new[]
        {
            "Multiplier 8x8", "Adder 32", "Register 8", "Register 8", "Register 32",
        }));
        Assert.That(Lines(inv, OpScope.PerOutput), Is.EqualTo(Lines(Datapath.Inventory(Precision.W8A8, Settings("in-pe", "symmetric")), OpScope.PerOutput)));
    }

    [Test]
    public void Should_move_the_weight_zero_point_work_to_row_sums_when_folded()
    {
        // folded, asymmetric weights: Σx per GEMM row (one 32-bit add per activation entering the row,
        // with a row-sum register read and write), one 32 x 8 multiply z_w·Σx per row shared by all
        // channels, one 32-bit subtract per output. in-pe instead widens the multiplier to 9 x 9 and
        // adds a second subtractor per MAC.
        var folded = Datapath.Inventory(Precision.W8A8, Settings("folded", "asymmetric"));
        var inPe = Datapath.Inventory(Precision.W8A8, Settings("in-pe", "asymmetric"));
        Assert.Multiple(() =>
        {
            Assert.That(Lines(folded, OpScope.PerRowActivation), Is.EqualTo(new[] { "Add 32 x1", "RegisterRead 32 x1", "RegisterWrite 32 x1" }));
            Assert.That(Lines(folded, OpScope.PerOutputRow), Is.EqualTo(new[] { "Multiply 32x8 x1" }));
            Assert.That(Lines(folded, OpScope.PerOutput), Does.Contain("Add 32 x1"));
            Assert.That(folded.In(OpScope.PerOutput).Count(), Is.EqualTo(inPe.In(OpScope.PerOutput).Count() + 1));
            Assert.That(Lines(inPe, OpScope.PerMac).Take(5), Is.EqualTo(new[] { "Add 9 x1", "RegisterRead 8 x1", "Add 9 x1", "RegisterRead 8 x1", "Multiply 9x9 x1" }));
        });
    }

    [Test]
    public void Should_cost_more_per_layer_in_pe_when_counted_on_a_real_layer()
    {
        // Given a 3x3 conv, 16 -> 32 channels on 8x8 (pad 1): M = 64 rows, K = 144, N = 32, 294,912 MACs.
        var layer = new ConvLayer("c", 8, 8, 16, 3, 3, 32) { PadH = 1, PadW = 1 };
        var activity = ScopeCounts.Of(layer);
        var inPe = Datapath.Inventory(Precision.W8A8, Settings("in-pe", "asymmetric")).Count(activity);
        var folded = Datapath.Inventory(Precision.W8A8, Settings("folded", "asymmetric")).Count(activity);

        // Then in-pe does 2 x 294,912 nine-bit subtracts and 294,912 9x9 multiplies; folded does
        // 294,912 8x8 multiplies and 64·144 = 9,216 row-sum adds plus 64 z_w·Σx multiplies.
        Assert.Multiple(() =>
        {
            Assert.That(Count(inPe, OpKind.Add, 9, 0), Is.EqualTo(2 * 294_912));
            Assert.That(Count(inPe, OpKind.Multiply, 9, 9), Is.EqualTo(294_912));
            Assert.That(Count(folded, OpKind.Multiply, 8, 8), Is.EqualTo(294_912));
            Assert.That(Count(folded, OpKind.Add, 9, 0), Is.Zero);
            Assert.That(Count(folded, OpKind.Multiply, 32, 8), Is.EqualTo(64));
            // 32-bit adds: accumulate (294,912) + row sums (9,216) + per output 3 (bias, z_out,
            // z_w·Σx subtract) x 2,048 outputs = 310,272; in-pe has 2 per output: 299,008. (The rounding
            // add is on the 64-bit product.)
            Assert.That(Count(folded, OpKind.Add, 32, 0), Is.EqualTo(294_912 + 9_216 + 3 * 2_048));
            Assert.That(Count(inPe, OpKind.Add, 32, 0), Is.EqualTo(294_912 + 2 * 2_048));
        });
    }

    private static long Count(IEnumerable<OpCount> counts, OpKind kind, int bits, int second) =>
        counts.Where(c => c.Kind == kind && c.Bits == bits && c.SecondBits == second).Sum(c => c.Count);

    private static string[] Lines(HardwareInventory inv, OpScope scope) =>
        [.. inv.In(scope).Select(o => $"{o.Kind} {o.Width} x{o.Count}")];
}
