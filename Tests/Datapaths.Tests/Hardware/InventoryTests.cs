using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Hardware;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Tests.Hardware;

[TestFixture]
public sealed class InventoryTests
{
    private static HardwareInventory Inventory(string kind, Precision precision, Dictionary<string, string>? options = null)
    {
        Assert.That(DatapathRegistry.Default.TryGet(kind, out var datapath), Is.True);
        return datapath.Inventory(precision, DatapathSettings.Resolve(datapath, options));
    }

    [Test]
    public void Should_have_no_output_multiplier_in_fixed_point()
    {
        // Power-of-two scales: the output path is bias add, shift, rounding add, clamp; no multiply.
        var inv = Inventory("fixed-point", Precision.W8A8);
        Assert.That(inv.In(OpScope.PerOutput).Select(o => $"{o.Kind} {o.Width}"),
            Is.EqualTo(new[] { "Add 32", "Shift 32", "Add 32", "Clamp 32->8" }));
    }

    [Test]
    public void Should_give_lsq_one_rescale_multiply_per_output()
    {
        var inv = Inventory("lsq", Precision.W8A8);
        Assert.That(inv.In(OpScope.PerOutput).Where(o => o.Kind == OpKind.Multiply).Select(o => o.Width), Is.EqualTo(new[] { "32x32" }));
    }

    [Test]
    public void Should_differ_between_lsq_and_per_channel_only_in_stored_parameters()
    {
        // Same PE and output path; per-channel stores (M0 32 bits = 4 B, shift 1 B) per channel:
        // 64 channels: lsq = 64·4 (bias) + 4 + 1 = 261 B; per-channel = 64·(4 + 4 + 1) = 576 B.
        var lsq = Inventory("lsq", Precision.W8A8);
        var perChannel = Inventory("per-channel", Precision.W8A8);
        Assert.Multiple(() =>
        {
            Assert.That(perChannel.Ops, Is.EqualTo(lsq.Ops));
            Assert.That(perChannel.PeComponents, Is.EqualTo(lsq.PeComponents));
            Assert.That(lsq.ParameterBytes(64), Is.EqualTo(261));
            Assert.That(perChannel.ParameterBytes(64), Is.EqualTo(576));
        });
    }

    [Test]
    public void Should_scale_the_PE_multiplier_with_precision()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Inventory("lsq", new Precision(4, 4, 32)).PeComponents[0].Width, Is.EqualTo("4x4"));
            Assert.That(Inventory("lsq", new Precision(8, 4, 24)).PeComponents[0].Width, Is.EqualTo("8x4"));
            Assert.That(Inventory("lsq", new Precision(8, 4, 24)).In(OpScope.PerMac).Single(o => o.Purpose == "accumulate").Bits, Is.EqualTo(24));
        });
    }

    [Test]
    public void Should_count_ops_per_kind_and_width_for_a_layer()
    {
        // Given a 3x3 conv 16 -> 32 channels on 8x8 (pad 1): MACs = 8·8·32·9·16 = 294,912,
        // outputs = 8·8·32 = 2,048, 32 channels.
        var layer = new ConvLayer("c", 8, 8, 16, 3, 3, 32) { PadH = 1, PadW = 1 };
        var counts = Inventory("per-channel", Precision.W8A8).Count(ScopeCounts.Of(layer));

        long Of(OpKind kind, int bits, int second = 0) =>
            counts.Where(c => c.Kind == kind && c.Bits == bits && c.SecondBits == second).Sum(c => c.Count);

        Assert.Multiple(() =>
        {
            Assert.That(Of(OpKind.Multiply, 8, 8), Is.EqualTo(294_912));
            Assert.That(Of(OpKind.Multiply, 32, 32), Is.EqualTo(2_048));
            // 32-bit adds: accumulate per MAC + bias per output; the rounding half is added to the
            // 64-bit product, once per output, and the 64-bit result shifted once per output.
            Assert.That(Of(OpKind.Add, 32), Is.EqualTo(294_912 + 2_048));
            Assert.That(Of(OpKind.Add, 64), Is.EqualTo(2_048));
            Assert.That(Of(OpKind.Shift, 64), Is.EqualTo(2_048));
            // Register reads of 8 bits: weight + activation per MAC.
            Assert.That(Of(OpKind.RegisterRead, 8), Is.EqualTo(2 * 294_912));
            // Parameters per channel: bias (32) and M0 (32) -> 64 reads of 32 bits; shifts -> 32 of 8 bits.
            Assert.That(Of(OpKind.ParameterRead, 32), Is.EqualTo(64));
            Assert.That(Of(OpKind.ParameterRead, 8), Is.EqualTo(32));
            var keys = counts.Select(c => ((int)c.Kind, c.Bits, c.SecondBits)).ToList();
            Assert.That(keys, Is.EqualTo(keys.Order().ToList()), "sorted by kind, then widths");
        });
    }

    [Test]
    public void Should_describe_the_GEMM_view_of_each_layer_kind()
    {
        // Depthwise 3x3 on 6x6x8, stride 1 pad 1: 8 groups of (36 rows x K=9 x N=1).
        var dw = ScopeCounts.Of(ConvLayer.Depthwise("dw", 6, 6, 8, 3, 1, 1));
        var fc = ScopeCounts.Of(new FullyConnectedLayer("fc", 100, 10) { Batch = 2 });
        var gemm = ScopeCounts.Of(new GemmLayer("g", 4, 5, 6));
        Assert.Multiple(() =>
        {
            Assert.That(dw, Is.EqualTo(new ScopeCounts(36 * 8 * 9, 36 * 8 * 9, 36 * 8, 36 * 8, 8)));
            Assert.That(fc, Is.EqualTo(new ScopeCounts(2_000, 200, 2, 20, 10)));
            Assert.That(gemm, Is.EqualTo(new ScopeCounts(120, 24, 4, 20, 5)));
        });
    }

    [Test]
    public void Should_list_every_variant_as_rows_in_a_fixed_section_order()
    {
        string[] order = [InventoryTable.PerMac, InventoryTable.PerRowActivation, InventoryTable.PerOutputRow, InventoryTable.PerOutput,
            InventoryTable.PerLayer, InventoryTable.PeArea, InventoryTable.OutputLaneArea, InventoryTable.Throughput];
        foreach (var datapath in DatapathRegistry.Default.All)
        {
            var rows = InventoryTable.Rows(datapath.Inventory(new Precision(4, 4, 32), DatapathSettings.Resolve(datapath)));
            var sections = rows.Select(r => Array.IndexOf(order, r.Section)).ToArray();
            Assert.That(sections, Is.Ordered.And.All.GreaterThanOrEqualTo(0), datapath.Name);
            Assert.That(rows.Select(r => r.Section), Does.Contain(InventoryTable.PerMac).And.Contain(InventoryTable.PerOutput).And.Contain(InventoryTable.PeArea), datapath.Name);
        }
    }
}
