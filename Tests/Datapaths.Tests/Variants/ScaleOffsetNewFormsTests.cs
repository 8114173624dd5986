using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Hardware;
using QuantSim.Datapaths.Numerics;
using QuantSim.Datapaths.ScaleOffset;
using QuantSim.Datapaths.Tests.Reference;
using QuantSim.Input;
using QuantSim.Simulator.Config;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Tests.Variants;

/// <summary>scale-offset edge, dequantize-in-pe and dequantize-at-edge: numerics against references, inventories by hand, config.</summary>
[TestFixture]
public sealed class ScaleOffsetNewFormsTests
{
    private static readonly ScaleOffsetDatapath Datapath = new();

    private static DatapathSettings Settings(string form, string weights = "symmetric", string dequantBits = "16") =>
        DatapathSettings.Resolve(Datapath, new Dictionary<string, string> { ["form"] = form, ["weights"] = weights, ["dequant_bits"] = dequantBits });

    [TestCase("symmetric")]
    [TestCase("asymmetric")]
    public void Should_give_identical_outputs_in_pe_edge_and_folded(string weights)
    {
        var random = new Random(1414);
        for (int trial = 0; trial < 40; trial++)
        {
            // Given a random conv layer with accumulators narrow enough to wrap.
            var layer = RandomLayers.Conv(random);
            var precision = new Precision(random.Next(0, 2) == 0 ? 4 : 8, random.Next(0, 2) == 0 ? 4 : 8, random.Next(18, 33));
            var specs = Datapath.Quantizers(precision, Settings("edge", weights));
            int k = ConvLowering.ReductionLength(layer);
            var q = RandomLayers.Quantization(random, specs, layer.Filters, k);
            int[] input = RandomLayers.Codes(random, specs.Activations, layer.InputHeight * layer.InputWidth * layer.InputChannels);
            var w = ConvLowering.Weights(layer, RandomLayers.Codes(random, specs.Weights, layer.Filters * k));

            // When the three zero-point forms run it, Then their output codes are identical.
            int[] Run(string form) => LayerRunner.Conv(Datapath.CreateKernel(q, w, precision, Settings(form, weights)), layer, input);
            int[] inPe = Run("in-pe");
            Assert.That(Run("edge"), Is.EqualTo(inPe), $"edge, trial {trial}: {layer} at {precision}");
            Assert.That(Run("folded"), Is.EqualTo(inPe), $"folded, trial {trial}: {layer} at {precision}");
        }
    }

    [TestCase("dequantize-in-pe", "symmetric", "16")]
    [TestCase("dequantize-in-pe", "asymmetric", "16")]
    [TestCase("dequantize-in-pe", "symmetric", "8")]
    [TestCase("dequantize-at-edge", "asymmetric", "8")]
    [TestCase("dequantize-at-edge", "symmetric", "16")]
    public void Should_match_the_dequantize_reference_on_random_layers(string form, string weights, string dequantBits)
    {
        var random = new Random(2718 + dequantBits.Length);
        var settings = Settings(form, weights, dequantBits);
        int d = int.Parse(dequantBits, System.Globalization.CultureInfo.InvariantCulture);
        int inside = 0, total = 0;
        for (int trial = 0; trial < 40; trial++)
        {
            // Given a random conv layer at w4/w8 x a4/a8, an accumulator of at least 2·D bits (narrow ones
            // wrap), and every fourth layer without an output quantizer (classifier logits).
            var layer = RandomLayers.Conv(random);
            var precision = new Precision(random.Next(0, 2) == 0 ? 4 : 8, random.Next(0, 2) == 0 ? 4 : 8, random.Next(2 * d, 33));
            var specs = Datapath.Quantizers(precision, settings);
            int k = ConvLowering.ReductionLength(layer);
            var q = RandomLayers.Quantization(random, specs, layer.Filters, k);
            if (trial % 4 == 3)
            {
                q = q with { Output = null };
            }

            int[] input = RandomLayers.Codes(random, specs.Activations, layer.InputHeight * layer.InputWidth * layer.InputChannels);
            int[] weightCodes = RandomLayers.Codes(random, specs.Weights, layer.Filters * k);

            // When the kernel runs it, Then every output equals the BigInteger reference's.
            int[] actual = LayerRunner.Conv(Datapath.CreateKernel(q, ConvLowering.Weights(layer, weightCodes), precision, settings), layer, input);
            int[] expected = ReferenceDequantizer.Conv(layer, input, weightCodes, q, precision.AccumulatorBits, d);
            Assert.That(actual, Is.EqualTo(expected), $"trial {trial}: {layer} at {precision}");
            if (q.Output is not null)
            {
                inside += actual.Count(v => v > q.Output.QMin && v < q.Output.QMax);
                total += actual.Length;
            }
        }

        // And the test exercises the rounding path, not only saturated outputs.
        Assert.That(inside, Is.GreaterThan(total / 8), "outputs strictly inside the code range");
    }

    [TestCase("symmetric", "16")]
    [TestCase("asymmetric", "8")]
    public void Should_give_identical_outputs_dequantizing_in_pe_and_at_edge_but_not_equal_to_in_pe(string weights, string dequantBits)
    {
        var random = new Random(3141);
        int differing = 0;
        for (int trial = 0; trial < 30; trial++)
        {
            var layer = RandomLayers.Conv(random);
            var precision = new Precision(8, 8, 32);
            var specs = Datapath.Quantizers(precision, Settings("dequantize-in-pe", weights, dequantBits));
            int k = ConvLowering.ReductionLength(layer);
            var q = RandomLayers.Quantization(random, specs, layer.Filters, k);
            int[] input = RandomLayers.Codes(random, specs.Activations, layer.InputHeight * layer.InputWidth * layer.InputChannels);
            var w = ConvLowering.Weights(layer, RandomLayers.Codes(random, specs.Weights, layer.Filters * k));

            int[] Run(string form) => LayerRunner.Conv(Datapath.CreateKernel(q, w, precision, Settings(form, weights, dequantBits)), layer, input);
            int[] inPe = Run("dequantize-in-pe");
            Assert.That(Run("dequantize-at-edge"), Is.EqualTo(inPe), $"trial {trial}: {layer}");
            differing += inPe.Zip(Run("in-pe")).Count(p => p.First != p.Second);
        }

        // The dequantized operands are rounded, so some outputs move by a code (the forms are a different numerics).
        Assert.That(differing, Is.GreaterThan(0));
    }

    [Test]
    public void Should_dequantize_a_code_by_the_documented_rule()
    {
        // s = 0.1 = 0.8 x 2^-3: m = round(0.8 x 2^16) = 52429; codes 0..255, z = 10 so r = 245;
        // the least sh with 245 x 52429 = 12,845,105 <= 32767 x 2^sh is 9 (2^9 = 512: 16,776,704);
        // f = 16 + 3 - 9 = 10. d(255) = round(245 x 52429 / 512) = round(25088.1) = 25088 (= 24.5 x 2^10, off by 0.1).
        var dq = FixedPointDequantizer.Of(0.1, 10, new CodeRange(0, 255), 16);
        Assert.Multiple(() =>
        {
            Assert.That((dq.Mantissa, dq.Shift, dq.FractionalBits), Is.EqualTo((52429, 9, 10)));
            Assert.That(dq.Apply(255), Is.EqualTo(25088));
            Assert.That(dq.Apply(10), Is.Zero);
            // -10 x 52429 / 512 = -1024.004 -> -1024.
            Assert.That(dq.Apply(0), Is.EqualTo(-1024));
        });
    }

    [Test]
    public void Should_state_the_edge_inventory_at_w8a8()
    {
        // edge, symmetric weights, w8a8, A = 32: one 9-bit subtractor and z_x read per activation entering
        // a row; the PE multiplies 8 x 9 and holds and forwards the 9-bit offset activation; no subtractor in the PE.
        var inv = Datapath.Inventory(Precision.W8A8, Settings("edge"));
        Assert.Multiple(() =>
        {
            Assert.That(Lines(inv, OpScope.PerRowActivation), Is.EqualTo(new[] { "Add 9 x1", "RegisterRead 8 x1" }));
            Assert.That(inv.In(OpScope.PerWeight), Is.Empty);
            Assert.That(Lines(inv, OpScope.PerMac), Is.EqualTo(new[]
            {
                "Multiply 8x9 x1", "Add 32 x1", "RegisterRead 8 x1", "RegisterRead 9 x1", "RegisterRead 32 x1", "RegisterWrite 32 x1",
            }));
            Assert.That(Parts(inv.PeComponents), Is.EqualTo(new[] { "Multiplier 8x9", "Adder 32", "Register 8", "Register 9", "Register 32" }));
            Assert.That(Parts(inv.RowEdgeComponents), Is.EqualTo(new[] { "Adder 9", "Register 8" }));
            Assert.That(inv.ColumnEdgeComponents, Is.Empty);
            Assert.That(inv.Operands, Is.EqualTo(new PeOperands(9, 8)), "the PEs hold and forward the 9-bit offset activation");
            Assert.That(Lines(inv, OpScope.PerOutput), Is.EqualTo(Lines(Datapath.Inventory(Precision.W8A8, Settings("in-pe")), OpScope.PerOutput)));
        });
    }

    [Test]
    public void Should_state_the_asymmetric_edge_inventory_at_w4a4()
    {
        // edge, asymmetric weights, w4a4: 5-bit subtracts at the row edge (x - z_x) and the column edge
        // (w - z_w, once per weight); the PE multiplies 5 x 5 and its weight and activation registers are 5 bits.
        var inv = Datapath.Inventory(new Precision(4, 4, 32), Settings("edge", "asymmetric"));
        Assert.Multiple(() =>
        {
            Assert.That(Lines(inv, OpScope.PerRowActivation), Is.EqualTo(new[] { "Add 5 x1", "RegisterRead 4 x1" }));
            Assert.That(Lines(inv, OpScope.PerWeight), Is.EqualTo(new[] { "Add 5 x1", "RegisterRead 4 x1" }));
            Assert.That(Lines(inv, OpScope.PerMac), Is.EqualTo(new[]
            {
                "Multiply 5x5 x1", "Add 32 x1", "RegisterRead 5 x1", "RegisterRead 5 x1", "RegisterRead 32 x1", "RegisterWrite 32 x1",
            }));
            Assert.That(Parts(inv.PeComponents), Is.EqualTo(new[] { "Multiplier 5x5", "Adder 32", "Register 5", "Register 5", "Register 32" }));
            Assert.That(Parts(inv.ColumnEdgeComponents), Is.EqualTo(new[] { "Adder 5", "Register 4" }));
            Assert.That(inv.In(OpScope.PerMac).Where(o => o.Role == OpRole.ZeroPoint), Is.Empty);
        });
    }

    [Test]
    public void Should_state_the_dequantize_in_pe_inventory_at_w8a8()
    {
        // dequantize-in-pe, symmetric weights, D = 16, w8a8: per MAC the activation dequantizer (9-bit x - z_x,
        // z_x read, 9 x 16 multiply by m_x, 25-bit rounding add and shift, m_x and sh_x reads), the weight
        // dequantizer (no zero point: 8 x 16, 24-bit add and shift, m_w and sh_w reads), then a 16 x 16 MAC;
        // the registers hold and forward the 8-bit codes.
        var inv = Datapath.Inventory(Precision.W8A8, Settings("dequantize-in-pe"));
        Assert.Multiple(() =>
        {
            Assert.That(Lines(inv, OpScope.PerMac), Is.EqualTo(new[]
            {
                "Add 9 x1", "RegisterRead 8 x1", "Multiply 9x16 x1", "Add 25 x1", "Shift 25 x1", "RegisterRead 16 x1", "RegisterRead 8 x1",
                "Multiply 8x16 x1", "Add 24 x1", "Shift 24 x1", "RegisterRead 16 x1", "RegisterRead 8 x1",
                "Multiply 16x16 x1", "Add 32 x1", "RegisterRead 8 x1", "RegisterRead 8 x1", "RegisterRead 32 x1", "RegisterWrite 32 x1",
            }));
            Assert.That(inv.In(OpScope.PerRowActivation), Is.Empty);
            Assert.That(inv.RowEdgeComponents, Is.Empty);
            Assert.That(Parts(inv.PeComponents), Is.EqualTo(new[]
            {
                "Multiplier 16x16", "Adder 32", "Register 8", "Register 8", "Register 32",
                "Adder 9", "Register 8", "Multiplier 9x16", "Adder 25", "Shifter 25", "Register 16", "Register 8",
                "Multiplier 8x16", "Adder 24", "Shifter 24", "Register 16", "Register 8",
            }));
            Assert.That(inv.Ops.Count(o => o.Role == OpRole.Dequantize), Is.EqualTo(10));
            Assert.That(inv.Parameters.Select(p => $"{p.Name} {p.Bits}"), Does.Contain("activation scale mantissa m_x 16").And.Contain("weight dequantizer shift sh_w 8"));
        });
    }

    [Test]
    public void Should_state_the_dequantize_at_edge_inventory_at_w4a4_with_8_bit_values()
    {
        // dequantize-at-edge, asymmetric weights, D = 8, w4a4, A = 16: the row edge dequantizes each
        // activation (5-bit subtract, 5 x 8 multiply, 13-bit add and shift), the column edge each weight the
        // same way; the PE holds and forwards the 8-bit values and multiplies 8 x 8 into the 16-bit accumulator.
        var inv = Datapath.Inventory(new Precision(4, 4, 16), Settings("dequantize-at-edge", "asymmetric", "8"));
        string[] edge = ["Add 5 x1", "RegisterRead 4 x1", "Multiply 5x8 x1", "Add 13 x1", "Shift 13 x1", "RegisterRead 8 x1", "RegisterRead 8 x1"];
        string[] unit = ["Adder 5", "Register 4", "Multiplier 5x8", "Adder 13", "Shifter 13", "Register 8", "Register 8"];
        Assert.Multiple(() =>
        {
            Assert.That(Lines(inv, OpScope.PerRowActivation), Is.EqualTo(edge));
            Assert.That(Lines(inv, OpScope.PerWeight), Is.EqualTo(edge));
            Assert.That(Lines(inv, OpScope.PerMac), Is.EqualTo(new[]
            {
                "Multiply 8x8 x1", "Add 16 x1", "RegisterRead 8 x1", "RegisterRead 8 x1", "RegisterRead 16 x1", "RegisterWrite 16 x1",
            }));
            Assert.That(Parts(inv.PeComponents), Is.EqualTo(new[] { "Multiplier 8x8", "Adder 16", "Register 8", "Register 8", "Register 16" }));
            Assert.That(Parts(inv.RowEdgeComponents), Is.EqualTo(unit));
            Assert.That(Parts(inv.ColumnEdgeComponents), Is.EqualTo(unit));
            Assert.That(inv.Operands, Is.EqualTo(new PeOperands(8, 8)), "the PEs forward the D-bit values, not the 4-bit codes");
        });
    }

    [Test]
    public void Should_count_edge_work_once_per_activation_and_once_per_weight()
    {
        // Given a 3x3 conv, 16 -> 32 channels on 8x8 (pad 1): M = 64, K = 144, N = 32: 9,216 row activations, 4,608 weights.
        var layer = new ConvLayer("c", 8, 8, 16, 3, 3, 32) { PadH = 1, PadW = 1 };
        var activity = ScopeCounts.Of(layer);
        Assert.That(activity.Weights, Is.EqualTo(144 * 32));
        var edge = Datapath.Inventory(Precision.W8A8, Settings("edge", "asymmetric")).Count(activity);

        // Then the 9-bit subtracts are 9,216 + 4,608 and the 9 x 9 multiplies one per MAC (294,912).
        Assert.Multiple(() =>
        {
            Assert.That(Count(edge, OpKind.Add, 9), Is.EqualTo(9_216 + 4_608));
            Assert.That(Count(edge, OpKind.Multiply, 9, 9), Is.EqualTo(294_912));
        });
    }

    [Test]
    public void Should_require_an_accumulator_of_two_dequantized_operands()
    {
        var problems = Datapath.CheckPrecision(new Precision(8, 8, 24), Settings("dequantize-in-pe")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(problems.Select(p => p.Field), Is.EqualTo(new[] { DatapathProblem.AccumulatorBits }));
            Assert.That(problems[0].Message, Does.Contain("16 x 16"));
            Assert.That(Datapath.CheckPrecision(new Precision(8, 8, 24), Settings("dequantize-in-pe", dequantBits: "8")), Is.Empty);
            Assert.That(Datapath.CheckPrecision(new Precision(8, 8, 24), Settings("edge")), Is.Empty);
        });
    }

    [Test]
    public void Should_share_one_numerics_key_among_zero_point_forms_only()
    {
        string Key(string form) => DatapathChoice.Of(Datapath, Precision.W8A8, new Dictionary<string, string> { ["form"] = form }).NumericsKey;
        Assert.Multiple(() =>
        {
            Assert.That(Key("edge"), Is.EqualTo(Key("in-pe")));
            Assert.That(Key("folded"), Is.EqualTo(Key("in-pe")));
            Assert.That(Key("dequantize-at-edge"), Is.EqualTo(Key("dequantize-in-pe")));
            Assert.That(Key("dequantize-in-pe"), Is.Not.EqualTo(Key("in-pe")));
        });
    }

    [Test]
    public void Should_enumerate_every_form_in_the_study()
    {
        Assert.That(Datapath.StudyForms.Select(f => f.Label), Is.EqualTo(new[]
        {
            "scale-offset/in-pe", "scale-offset/folded", "scale-offset/edge", "scale-offset/dequantize-in-pe", "scale-offset/dequantize-at-edge", "scale-offset/float-at-edge",
        }));
    }

    [TestCase("edge", "", "edge")]
    [TestCase("dequantize-in-pe", "", "dequantize-in-pe")]
    [TestCase("dequantize-at-edge", "\n  dequant_bits: 8", "dequantize-at-edge")]
    public void Should_read_a_new_form_from_a_config(string form, string extra, string expected)
    {
        var config = AcceleratorConfigReader.Default.Read("ok.yaml", Contract.ConfigTexts.With($"kind: scale-offset\n  weight_bits: 8\n  activation_bits: 8\n  form: {form}{extra}"));
        Assert.That(config.Datapath.Settings["form"], Is.EqualTo(expected));
        Assert.That(config.Datapath.Label, Is.EqualTo(extra.Length == 0 ? $"scale-offset/{form}" : $"scale-offset(form={form},dequant_bits=8)"));
    }

    [Test]
    public void Should_reject_an_unknown_form_with_the_allowed_list()
    {
        var ex = Assert.Throws<InputException>(() => AcceleratorConfigReader.Default.Read(
            "bad.yaml", Contract.ConfigTexts.With("kind: scale-offset\n  weight_bits: 8\n  activation_bits: 8\n  form: in-array")));
        var error = ex!.Errors.Single();
        Assert.Multiple(() =>
        {
            Assert.That(error.Field, Is.EqualTo("datapath.form"));
            Assert.That(error.Message, Does.Contain("unknown value 'in-array'; allowed for scale-offset: in-pe, folded, edge, dequantize-in-pe, dequantize-at-edge"));
        });
    }

    [Test]
    public void Should_reject_a_dequantize_form_with_a_narrow_accumulator_in_a_config()
    {
        var ex = Assert.Throws<InputException>(() => AcceleratorConfigReader.Default.Read(
            "bad.yaml", Contract.ConfigTexts.With("kind: scale-offset\n  weight_bits: 8\n  activation_bits: 8\n  accumulator_bits: 24\n  form: dequantize-in-pe")));
        Assert.That(ex!.Errors.Select(e => e.Field), Is.EqualTo(new[] { "datapath.accumulator_bits" }));
    }

    private static long Count(IEnumerable<OpCount> counts, OpKind kind, int bits, int second = 0) =>
        counts.Where(c => c.Kind == kind && c.Bits == bits && c.SecondBits == second).Sum(c => c.Count);

    private static string[] Lines(HardwareInventory inv, OpScope scope) =>
        [.. inv.In(scope).Select(o => $"{o.Kind} {o.Width} x{o.Count}")];

    private static string[] Parts(IEnumerable<HardwareComponent> components) => [.. components.Select(c => $"{c.Kind} {c.Width}")];
}
