using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Float;
using QuantSim.Datapaths.Lsq;
using QuantSim.Datapaths.ScaleOffset;
using QuantSim.Energy.Model;
using QuantSim.Energy.Pricing;
using QuantSim.Simulator.Config;
using QuantSim.Workloads.Layers;

namespace QuantSim.Energy.Tests;

/// <summary>
/// Issue 14's check of the accounting: the per-MAC energy of LSQ and of every scale-plus-offset form,
/// derived by hand from the table's entries, against what the simulator counted and the pricer charged,
/// to the last digit. The layer is the 4 x 3 x 4 GEMM (48 MACs) on a 2 x 2 output-stationary array:
/// in OS nothing else happens per MAC, so the PE-level components divided by 48 are the per-MAC energy.
/// Per MAC a PE does: the form's operand arithmetic, one MAC (multiply + 32-bit accumulate), reads of its
/// registers (a flip-flop has no read port: 0 pJ in this table), one 32-bit accumulator write, and the OS
/// forwarding of the activation and the weight, at the widths the PE holds them, plus 2 flag bits.
/// </summary>
public sealed class FormPerMacEnergyTests
{
    private static readonly Costs.CostTable T = TwoByTwoOsLayer.Table;

    private static decimal R(double pj) => TwoByTwoOsLayer.R(pj);

    private static decimal Write(int bits) => TwoByTwoOsLayer.Write(bits);

    private static decimal Mac(int a, int w) => R(T.MultiplyPj(a, w)) + R(T.AddPj(32));

    /// <summary>What every OS PE pays per MAC besides its arithmetic: the accumulator write and the forwarding.</summary>
    private static decimal Registers(int heldA, int heldW) => Write(32) + Write(heldA) + Write(heldW) + Write(2);

    /// <summary>One operand's dequantizer at D bits: (q - z) when it has a zero point, x m (D bits), rounding add and shift.</summary>
    private static decimal Dequantize(int codeBits, bool zeroPoint, int d)
    {
        int offset = zeroPoint ? codeBits + 1 : codeBits;
        return (zeroPoint ? R(T.AddPj(offset)) : 0) + R(T.MultiplyPj(offset, d)) + R(T.AddPj(offset + d)) + R(T.ShiftPj(offset + d));
    }

    private static decimal Hand(string form, int b) => form switch
    {
        "lsq" or "folded" => Mac(b, b) + Registers(b, b),
        "in-pe" => R(T.AddPj(b + 1)) + Mac(b + 1, b) + Registers(b, b),
        "edge" => Mac(b + 1, b) + Registers(b + 1, b),
        "dequantize-in-pe" => Dequantize(b, true, 16) + Dequantize(b, false, 16) + Mac(16, 16) + Registers(b, b),
        "dequantize-at-edge" => Mac(16, 16) + Registers(16, 16),
        // H14: fp16 multiply 1.1 pJ, fp32 add 0.9 pJ; the PE holds and forwards 16-bit floats, its accumulator is fp32.
        "float-at-edge" => R(1.1) + R(0.9) + Registers(16, 16),
        _ => throw new ArgumentOutOfRangeException(nameof(form)),
    };

    private static PricedSimulation Priced(string form, int b, ClockGating gating = ClockGating.None, string rounding = "fixed-point")
    {
        var precision = new Precision(b, b, 32);
        var datapath = form == "lsq"
            ? DatapathChoice.Of(new LsqDatapath(), precision, new Dictionary<string, string> { ["rounding"] = rounding })
            : DatapathChoice.Of(new ScaleOffsetDatapath(), precision, new Dictionary<string, string> { ["form"] = form, ["rounding"] = rounding });
        return TwoByTwoOsLayer.Price(datapath, precision, gating);
    }

    private static decimal Sum(PricedSimulation p, params string[] names) => p.Energy.Components.Where(c => names.Contains(c.Component.Name)).Sum(c => c.Pj);

    [TestCase("lsq", 8)]
    [TestCase("folded", 8)]
    [TestCase("in-pe", 8)]
    [TestCase("edge", 8)]
    [TestCase("dequantize-in-pe", 8)]
    [TestCase("dequantize-at-edge", 8)]
    [TestCase("lsq", 4)]
    [TestCase("folded", 4)]
    [TestCase("in-pe", 4)]
    [TestCase("edge", 4)]
    [TestCase("dequantize-in-pe", 4)]
    [TestCase("dequantize-at-edge", 4)]
    [TestCase("float-at-edge", 8)]
    [TestCase("float-at-edge", 4)]
    public void Should_charge_the_hand_derived_per_mac_energy_of_each_form(string form, int bits)
    {
        var priced = Priced(form, bits);
        decimal perMac = Sum(priced, "mac.multiplier", "mac.accumulator", "pe.arithmetic", "pe.registers", "pe.forwarding") / 48;
        Assert.That(perMac, Is.EqualTo(Hand(form, bits)));
    }

    [TestCase("fp16", 1.1, 16)]
    [TestCase("bf16", 0.5911, 16)]
    [TestCase("fp32", 3.7, 32)]
    public void Should_charge_the_float_baseline_its_format_multiply_an_fp32_add_and_registers_of_the_format(string format, double multiplyPj, int bits)
    {
        // The table's floating_point rows: fp16 mult 1.1 pJ (H14), bf16 0.5911 pJ (derived), fp32 3.7 pJ (H14), fp32 add 0.9 pJ.
        // The PE holds and forwards operands of the format's width; its accumulator is fp32.
        var priced = FloatBaseline(format, bits);
        decimal perMac = Sum(priced, "mac.multiplier", "mac.accumulator", "pe.arithmetic", "pe.registers", "pe.forwarding") / 48;
        Assert.That(perMac, Is.EqualTo(R(multiplyPj) + R(0.9) + Registers(bits, bits)));
    }

    [Test]
    public void Should_charge_the_float_baseline_output_lane_the_bias_add_and_the_fp32_to_fp16_rounding()
    {
        // Per output: the fp32 bias add (0.9 pJ), the 11-bit significand rounding add, the 8-bit exponent rebias add,
        // the 8-bit exponent range check (a clamp) and the 11-bit denormalising shift; bf16 keeps fp32's exponent and
        // pays only the bias add and its 8-bit significand rounding add.
        decimal fp16 = Sum(FloatBaseline("fp16", 16), "output.datapath") / 16;
        decimal bf16 = Sum(FloatBaseline("bf16", 16), "output.datapath") / 16;
        Assert.Multiple(() =>
        {
            Assert.That(fp16, Is.EqualTo(R(0.9) + R(T.AddPj(11)) + R(T.AddPj(8)) + R(T.ClampPj(8)) + R(T.ShiftPj(11))));
            Assert.That(bf16, Is.EqualTo(R(0.9) + R(T.AddPj(8))));
        });
    }

    private static PricedSimulation FloatBaseline(string format, int bits)
    {
        var precision = new Precision(bits, bits, 32);
        return TwoByTwoOsLayer.Price(DatapathChoice.Of(new FloatDatapath(), precision, new Dictionary<string, string> { ["float_multiply"] = format }), precision, ClockGating.None);
    }

    [TestCase("lsq")]
    [TestCase("edge")]
    public void Should_price_the_float32_requantizer_by_its_fp32_multiply_and_conversions(string form)
    {
        // The 16 outputs of the layer each pay, instead of the fixed-point lane's 32 x 32 multiply, 64-bit rounding
        // add and 64-bit shift, one fp32 multiply (H14 3.7 pJ) and two conversions priced as fp32 adds (0.9 pJ each);
        // the bias add, the clamp and the zero-point add are the same in both.
        decimal fixedPoint = Sum(Priced(form, 8), "output.datapath") / 16;
        decimal float32 = Sum(Priced(form, 8, rounding: "float32-half-even"), "output.datapath") / 16;
        decimal hand = R(0.9) + R(3.7) + R(0.9) - (R(T.MultiplyPj(32, 32)) + R(T.AddPj(64)) + R(T.ShiftPj(64)));
        Assert.That(float32 - fixedPoint, Is.EqualTo(hand));
    }

    [TestCase("lsq", ClockGating.None, 8 + 8 + 32 + 2)]
    [TestCase("in-pe", ClockGating.None, 8 + 8 + 32 + 8 + 2)]
    [TestCase("in-pe", ClockGating.IdlePe, 8 + 8 + 32 + 8 + 2)]
    public void Should_clock_the_hand_counted_pe_flip_flops(string form, ClockGating gating, int bits)
    {
        // PE flip-flops: weight, activation and accumulator registers, in-PE's z_x register, the 2 OS flags.
        // Ungated: 4 PEs in every cycle of the layer; gated: the 48 PE-cycles that do a MAC.
        var priced = Priced(form, 8, gating);
        long peCycles = gating == ClockGating.None ? 4 * priced.Simulation.TotalCycles : 48;
        Assert.That(Sum(priced, "pe.clock"), Is.EqualTo(peCycles * R(T.Register.ClockPjPerBit.Value * bits)));
    }

    [Test]
    public void Should_grow_the_lsq_to_edge_ratio_from_the_arithmetic_outward_only_by_what_each_level_adds()
    {
        // Each level adds its own components, and the system level is the total.
        var priced = Priced("edge", 8);
        var levels = priced.Energy.Levels.ToDictionary(l => l.Level, l => l.Pj);
        string[] arithmetic = ["mac.multiplier", "mac.accumulator", "pe.arithmetic"];
        string[] pe = [.. arithmetic, "pe.registers", "pe.forwarding", "pe.clock"];
        string[] array = [.. pe, "output.datapath", "output.clock", "parameters.registers"];
        string[] onChip = [.. array, "sram.ifmap", "sram.filter", "sram.ofmap", "parameters.sram"];
        Assert.Multiple(() =>
        {
            Assert.That(levels[AccountingLevel.PeArithmetic], Is.EqualTo(Sum(priced, arithmetic)));
            Assert.That(levels[AccountingLevel.Pe], Is.EqualTo(Sum(priced, pe)));
            Assert.That(levels[AccountingLevel.ArrayDatapath], Is.EqualTo(Sum(priced, array)));
            Assert.That(levels[AccountingLevel.OnChip], Is.EqualTo(Sum(priced, onChip)));
            Assert.That(levels[AccountingLevel.System], Is.EqualTo(priced.Energy.TotalPj));
            Assert.That(priced.Energy.Components.Sum(c => c.Pj), Is.EqualTo(priced.Energy.TotalPj));
        });
    }
}
