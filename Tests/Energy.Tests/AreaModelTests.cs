using QuantSim.Energy.Area;

namespace QuantSim.Energy.Tests;

/// <summary>Area = inventory x unit areas from the table; static power follows from the area.</summary>
[TestFixture]
public sealed class AreaModelTests
{
    [Test]
    public void Should_add_up_a_small_array_its_output_lanes_and_buffers()
    {
        // Given a 2x2 array of fixed 8-bit PEs (8x8 multiplier, 32-bit accumulator, 8-bit activation and
        // weight registers, 32-bit psum register), two output lanes (32x16 rescale multiplier, 32-bit
        // shifter, 32-bit adder, 8-bit clamp) and two 16 KB buffers, one of them in two banks
        var inventory = InventoryItem.PerPe(4,
                (new MultiplierUnit(8, 8), 1), (new AdderUnit(32), 1), (new RegisterUnit(8), 2), (new RegisterUnit(32), 1))
            .Concat(
            [
                new InventoryItem("output", new MultiplierUnit(32, 16), 2),
                new InventoryItem("output", new ShifterUnit(32), 2),
                new InventoryItem("output", new AdderUnit(32), 2),
                new InventoryItem("output", new ClampUnit(8), 2),
                new InventoryItem("buffers", new SramUnit("ifmap", 16384), 1),
                new InventoryItem("buffers", new SramUnit("filter", 16384, 2), 1),
            ]);

        // When its area is estimated with the built-in table
        var report = new AreaModel(BuiltInTable.Horowitz45).Estimate(inventory);

        // Then, by hand (um^2):
        //   PE = 282 (8x8, HP6) + 137 (32-bit add, HP6) + 2 x 8 x 4.522 + 32 x 4.522 (NG45 DFF)
        //      = 282 + 137 + 72.352 + 144.704 = 636.056; 4 PEs = 2544.224
        //   lane = multiplier 32x16: 282 + (512-64) x (3495-282)/960 = 1781.4
        //        + shifter 249.6 (ALD) + adder 137 + clamp 2 x (70 x 8/32) + 2 x 8 x 1.862 = 64.792
        //        = 2232.792; 2 lanes = 4465.584
        //   ifmap 16 KB = 50018 (TAE CACTI point)
        //   filter = 2 banks x 8 KB, 8 KB on the log-log line 2 KB (7220) -> 16 KB (50018):
        //        7220 x (50018/7220)^(log 4 / log 8)
        double pe = 282 + 137 + 2 * 8 * 4.522 + 32 * 4.522;
        double lane = 1781.4 + 249.6 + 137 + 2 * 17.5 + 2 * 8 * 1.862;
        double filter = 2 * 7220 * Math.Pow(50018.0 / 7220, Math.Log(4) / Math.Log(8));
        double logic = 4 * pe + 2 * lane;
        double sram = 50018 + filter;

        // Static power: logic x 31.536 nW/um^2 (BF) + 2 x 16384 x 8 bits x 5.105 pW/bit (TAE CACTI), in mW
        double leakMw = logic * 31.536e-6 + 2 * 16384 * 8 * 5.105e-9;
        Assert.Multiple(() =>
        {
            Assert.That(pe, Is.EqualTo(636.056).Within(1e-9));
            Assert.That(lane, Is.EqualTo(2232.792).Within(1e-9));
            Assert.That(report.LogicUm2, Is.EqualTo(logic).Within(1e-6));
            Assert.That(report.SramUm2, Is.EqualTo(sram).Within(1e-6));
            Assert.That(report.TotalMm2, Is.EqualTo((logic + sram) * 1e-6).Within(1e-12));
            Assert.That(report.SramBits, Is.EqualTo(2 * 16384 * 8));
            Assert.That((double)report.LeakagePowerMw, Is.EqualTo(leakMw).Within(1e-6));
            Assert.That(report.Groups.Select(g => g.Group), Is.EqualTo(new[] { "buffers", "output", "pe" }));
        });
    }

    [Test]
    public void Should_give_tops_per_mm2_from_peak_throughput()
    {
        // 1024 PEs x 1 MAC/cycle x 2 ops x 1 GHz = 2.048 TOPS; on 4 mm^2 that is 0.512 TOPS/mm^2.
        var report = new AreaReport([], 4e6, 0, 0, 0m);
        Assert.Multiple(() =>
        {
            Assert.That(AreaReport.PeakTops(1024, 1, 1000), Is.EqualTo(2.048).Within(1e-12));
            Assert.That(report.TopsPerMm2(AreaReport.PeakTops(1024, 1, 1000)), Is.EqualTo(0.512).Within(1e-12));
        });
    }

    [Test]
    public void Should_make_a_bit_composable_pe_larger_than_a_fixed_8_bit_one()
    {
        // Bit Fusion's own synthesis: Fusion Unit 1734.55 um^2 vs fixed 8-bit PE 510.73 um^2 (3.4x). In this
        // table's mixed sources the fixed PE (H14/HP6 multiplier + adder + NG45 registers) is 636.056 um^2.
        var model = new AreaModel(BuiltInTable.Horowitz45);
        double fixedPe = model.Estimate(InventoryItem.PerPe(1, (new MultiplierUnit(8, 8), 1), (new AdderUnit(32), 1), (new RegisterUnit(8), 2), (new RegisterUnit(32), 1))).TotalUm2;
        Assert.That(model.UnitAreaUm2(new BitComposableMacUnit()), Is.EqualTo(1734.55).And.GreaterThan(2 * fixedPe));
    }
}
