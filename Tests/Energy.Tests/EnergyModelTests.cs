using QuantSim.Energy.Model;
using QuantSim.Simulator.Activity;

namespace QuantSim.Energy.Tests;

/// <summary>The energy model prices counted activity exactly, per layer and per component.</summary>
[TestFixture]
public sealed class EnergyModelTests
{
    private const ActivitySite Pe = ActivitySite.ProcessingElement;
    private const ActivitySite Out = ActivitySite.OutputStage;
    private const ActivitySite Mem = ActivitySite.Memory;

    [Test]
    public void Should_price_a_small_layer_on_a_small_array_to_the_last_digit()
    {
        // Given one GEMM layer, M = 4 output pixels, K = 2, N = 2 output channels, w8a8 with a 32-bit
        // accumulator, on a 2x2 weight-stationary array of fixed 8x8 PEs, 8 KB buffers of 8-bit words,
        // 1 GHz, 10 cycles (taken as given), static power 2.5 mW. The 2x2 weights fit in one fold.
        // Activity, counted by hand:
        //   MACs                 M*K*N = 16                           -> Mac(8,8,32) x 16
        //   weights loaded       K*N = 4 filter reads, 4 weight-register writes (8 b)
        //   activations          M*K = 8 ifmap reads; each passes the N = 2 PEs of its row:
        //                        M*K*N = 16 activation-register writes (8 b)
        //   partial sums         one 32-bit psum-register write per MAC: 16
        //   outputs              M*N = 8, each: rescale multiply 32x16, rounding shift 32, zero-point add 32,
        //                        clamp to 8 bits; then 8 ofmap writes (8-bit words)
        //   DRAM                 ifmap 8 B = one 64-bit read, weights 4 B = one 32-bit read, ofmap 8 B = one 64-bit write
        var counts = ActivityCounts.CreateBuilder()
            .Add(Pe, new Mac(8, 8, 32), 16)
            .Add(Pe, new RegisterWrite(8), 4 + 16)
            .Add(Pe, new RegisterWrite(32), 16)
            .Add(Out, new Multiply(32, 16), 8)
            .Add(Out, new Shift(32), 8)
            .Add(Out, new Add(32), 8)
            .Add(Out, new Clamp(8), 8)
            .Add(Mem, new SramRead("filter", 8192, 8), 4)
            .Add(Mem, new SramRead("ifmap", 8192, 8), 8)
            .Add(Mem, new SramWrite("ofmap", 8192, 8), 8)
            .Add(Mem, new DramRead(64), 1)
            .Add(Mem, new DramRead(32), 1)
            .Add(Mem, new DramWrite(64), 1)
            .Build();
        var run = new RunActivity([new LayerActivity("gemm", cycles: 10, macs: 16, counts)], clockMhz: 1000);

        // When it is priced with the built-in 45 nm table
        var report = new EnergyModel(BuiltInTable.Horowitz45).Price(run, leakagePowerMw: 2.5m);

        // Then, unit costs from Energy/Tables/horowitz-45nm.yaml (pJ):
        //   8x8 multiply 0.2 (H14), 32-bit add 0.1 (H14)
        //   register write 0.009 / bit: 8 b = 0.072, 32 b = 0.288
        //   multiply 32x16: product 512 on the 64 -> 1024 segment: 0.2 + (512-64) x 2.9/960 = 1.5533333.. -> 1.553333
        //   shift 32: 0.4165 (ALD); compare 8: 0.029 x 8/32 = 0.00725; mux2 8: 8 x 0.0025 = 0.02
        //   clamp 8: 2 x 0.00725 + 2 x 0.02 = 0.0545
        //   SRAM 8 KB, 8-bit word: 3.875 read and write (H14 10 pJ x 0.3875)
        //   DRAM: 20.3125 / bit: 64 b = 1300, 32 b = 650
        //   leakage: 2.5 mW at 1 GHz = 2.5 pJ per cycle
        // Components:
        //   mac.multiplier   16 x 0.2                                  =    3.2
        //   mac.accumulator  16 x 0.1                                  =    1.6
        //   pe.registers     20 x 0.072 + 16 x 0.288 = 1.44 + 4.608     =    6.048
        //   output.datapath  8 x 1.553333 + 8 x 0.4165 + 8 x 0.1 + 8 x 0.0545
        //                    = 12.426664 + 3.332 + 0.8 + 0.436          =   16.994664
        //   sram.filter      4 x 3.875                                 =   15.5
        //   sram.ifmap       8 x 3.875                                 =   31
        //   sram.ofmap       8 x 3.875                                 =   31
        //   dram.read        1300 + 650                                =  1950
        //   dram.write       1300                                      =  1300
        //   leakage          10 x 2.5                                  =    25
        //   total                                                      =  3380.342664
        Assert.Multiple(() =>
        {
            Assert.That(report.Components.Select(c => (c.Component.Name, c.Pj)), Is.EqualTo(new[]
            {
                ("mac.accumulator", 1.6m),
                ("mac.multiplier", 3.2m),
                ("pe.registers", 6.048m),
                ("output.datapath", 16.994664m),
                ("sram.filter", 15.5m),
                ("sram.ifmap", 31m),
                ("sram.ofmap", 31m),
                ("dram.read", 1950m),
                ("dram.write", 1300m),
                ("leakage", 25m),
            }));
            Assert.That(report.TotalPj, Is.EqualTo(3380.342664m));
            Assert.That(report.PerInferencePj, Is.EqualTo(3380.342664m));

            // TOPS/W = 2 ops per MAC x 16 MACs / 3380.342664 pJ (ops/pJ = 1e12 ops/J = TOPS/W)
            Assert.That(report.TopsPerWatt, Is.EqualTo(32 / 3380.342664).Within(1e-15));
            Assert.That(report.Layers.Single().TopsPerWatt, Is.EqualTo(report.TopsPerWatt));

            // EDP = 3380.342664e-12 J x (10 cycles / 1e9 Hz) = 3.380342664e-17 J s
            Assert.That(report.EnergyDelayProductJs, Is.EqualTo(3.380342664e-17).Within(1e-28));
        });
    }

    [Test]
    public void Should_add_per_component_energies_up_to_every_total_exactly()
    {
        // Given a run of random layers over every action kind (fixed seed), with awkward interpolated unit costs
        var random = new Random(20261128);
        ActivityAction[] actions =
        [
            new Mac(8, 8, 32), new Mac(5, 7, 23), new Mac(4, 4, 20, MacUnit.BitComposable), new Add(19), new Multiply(13, 29),
            new Shift(24), new Compare(17), new Clamp(11), new Mux(9), new RegisterWrite(24), new RegisterRead(8),
            new RegisterClock(48), new SramRead("ifmap", 3 * 65536, 12, 3), new SramWrite("ofmap", 100_000, 24), new DramRead(512), new DramWrite(64),
        ];
        ActivitySite[] sites = [Pe, Out, Mem];
        var layers = Enumerable.Range(0, 12).Select(i =>
        {
            var builder = ActivityCounts.CreateBuilder();
            foreach (var action in actions)
            {
                builder.Add(sites[random.Next(sites.Length)], action, random.NextInt64(0, 5_000_000_000));
            }

            return new LayerActivity($"layer{i}", random.NextInt64(1, 10_000_000), random.NextInt64(0, 1_000_000_000), builder.Build());
        }).ToList();
        var model = new EnergyModel(BuiltInTable.Horowitz45);

        // When it is priced
        var report = model.Price(new RunActivity(layers, 733.3, inferences: 3), leakagePowerMw: 17.123457m);

        // Then components add up to each layer's total and to the run's, and the run equals a plain
        // sum of count x unit cost computed here independently of the model's bookkeeping
        decimal leakPerCycle = EnergyModel.LeakagePerCyclePj(17.123457m, 733.3);
        decimal reference = layers.Sum(l => l.Counts.Entries.Sum(e => e.Value * model.Pricer.UnitTotal(e.Key)) + l.Cycles * leakPerCycle);
        Assert.Multiple(() =>
        {
            foreach (var layer in report.Layers)
            {
                Assert.That(layer.Components.Sum(c => c.Pj), Is.EqualTo(layer.TotalPj), layer.Layer);
            }

            Assert.That(report.Components.Sum(c => c.Pj), Is.EqualTo(report.TotalPj));
            Assert.That(report.Layers.Sum(l => l.TotalPj), Is.EqualTo(report.TotalPj));
            foreach (var component in report.Components)
            {
                Assert.That(report.Layers.Sum(l => l.Components.Where(c => c.Component == component.Component).Sum(c => c.Pj)), Is.EqualTo(component.Pj));
            }

            Assert.That(report.TotalPj, Is.EqualTo(reference));
            Assert.That(report.PerInferencePj * 3, Is.EqualTo(report.TotalPj));
        });
    }

    [Test]
    public void Should_list_components_in_the_same_order_whatever_order_the_counts_were_added_in()
    {
        var forward = ActivityCounts.CreateBuilder().Add(Mem, new DramRead(64), 1).Add(Pe, new Mac(8, 8, 32), 1).Add(Mem, new SramRead("b", 8192, 8), 1).Build();
        var backward = ActivityCounts.CreateBuilder().Add(Mem, new SramRead("b", 8192, 8), 1).Add(Pe, new Mac(8, 8, 32), 1).Add(Mem, new DramRead(64), 1).Build();
        var model = new EnergyModel(BuiltInTable.Horowitz45);

        var a = model.Price(new RunActivity([new LayerActivity("l", 1, 1, forward)], 1000), 0m);
        var b = model.Price(new RunActivity([new LayerActivity("l", 1, 1, backward)], 1000), 0m);

        Assert.Multiple(() =>
        {
            Assert.That(forward.Entries.Select(e => e.Key.ToString()), Is.EqualTo(backward.Entries.Select(e => e.Key.ToString())));
            Assert.That(a.Components, Is.EqualTo(b.Components));
            Assert.That(a.Components.Select(c => c.Component.Name), Is.EqualTo(new[] { "mac.accumulator", "mac.multiplier", "sram.b", "dram.read" }));
        });
    }

    [Test]
    public void Should_price_dram_with_the_chosen_interface()
    {
        // LPDDR4 8 pJ/bit (Accelergy CACTI plug-in): a 512-bit burst costs 4096 pJ; the default (H14) 10400 pJ.
        var counts = ActivityCounts.Empty.With(Mem, new DramRead(512), 1);
        var run = new RunActivity([new LayerActivity("l", 0, 0, counts)], 1000);
        Assert.Multiple(() =>
        {
            Assert.That(new EnergyModel(BuiltInTable.Horowitz45, "lpddr4").Price(run, 0m).TotalPj, Is.EqualTo(4096m));
            Assert.That(new EnergyModel(BuiltInTable.Horowitz45).Price(run, 0m).TotalPj, Is.EqualTo(10400m));
        });
    }

    [Test]
    public void Should_price_an_sram_access_at_the_capacity_of_one_bank()
    {
        // A 32 KB buffer in 4 banks is four 8 KB arrays: a 64-bit read costs H14's 8 KB figure, 10 pJ, not the 32 KB 20 pJ.
        var pricer = new EnergyModel(BuiltInTable.Horowitz45).Pricer;
        Assert.Multiple(() =>
        {
            Assert.That(pricer.UnitTotal(new ActivityKey(Mem, new SramRead("glb", 32768, 64, 4))), Is.EqualTo(10m));
            Assert.That(pricer.UnitTotal(new ActivityKey(Mem, new SramRead("glb", 32768, 64))), Is.EqualTo(20m));
        });
    }

    [Test]
    public void Should_take_static_power_from_the_area_model()
    {
        // Given 250 one-bit registers: 250 x 4.522 um^2 (NG45 DFF_X1) = 1130.5 um^2 of logic
        // Then static power = 1130.5 x 31.536 nW/um^2 = 35651.448 nW = 0.035651 mW (rounded to 1e-6 mW),
        // at 500 MHz 0.035651 x 1e3 / 500 = 0.071302 pJ per cycle, over 1000 cycles 71.302 pJ
        var area = new Area.AreaModel(BuiltInTable.Horowitz45).Estimate([new Area.InventoryItem("pe", new Area.RegisterUnit(1), 250)]);
        var run = new RunActivity([new LayerActivity("l", 1000, 0, ActivityCounts.Empty)], 500);
        var report = new EnergyModel(BuiltInTable.Horowitz45).Price(run, area.LeakagePowerMw);
        Assert.Multiple(() =>
        {
            Assert.That(area.LogicUm2, Is.EqualTo(1130.5).Within(1e-9));
            Assert.That(area.LeakagePowerMw, Is.EqualTo(0.035651m));
            Assert.That(report.TotalPj, Is.EqualTo(71.302m));
            Assert.That(report.Categories, Is.EqualTo(new[] { (EnergyCategory.Leakage, 71.302m) }));
        });
    }

    [Test]
    public void Should_charge_leakage_as_static_power_times_the_cycles_at_the_clock()
    {
        // 40 mW at 200 MHz: 40e-3 W x 5e-9 s = 200 pJ per cycle; 1000 cycles = 200000 pJ.
        var run = new RunActivity([new LayerActivity("l", 1000, 0, ActivityCounts.Empty)], 200);
        var report = new EnergyModel(BuiltInTable.Horowitz45).Price(run, 40m);
        Assert.That(report.Components.Single(), Is.EqualTo(new ComponentEnergy(EnergyComponent.Leakage, 200000m)));
    }
}
