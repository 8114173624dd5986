using QuantSim.Energy.Area;
using QuantSim.Energy.Pricing;
using QuantSim.Energy.Model;
using QuantSim.Simulator.Activity;
using QuantSim.Simulator.Config;

namespace QuantSim.Energy.Tests;

/// <summary>Every accelerator config shipped in accel-configs/ can be priced by the table it names.</summary>
[TestFixture]
public sealed class ShippedConfigTests
{
    private static IEnumerable<string> ConfigFiles()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "accel-configs")))
        {
            dir = dir.Parent;
        }

        return dir is null ? [] : Directory.GetFiles(Path.Combine(dir.FullName, "accel-configs"), "*.yaml").Order(StringComparer.Ordinal);
    }

    [Test]
    public void Should_find_the_shipped_configs()
    {
        Assert.That(ConfigFiles().Select(Path.GetFileName), Does.Contain("default.yaml"));
    }

    [TestCaseSource(nameof(ConfigFiles))]
    public void Should_price_the_buffers_and_macs_of_a_shipped_config(string file)
    {
        // Given a shipped config and the table it names
        var config = AcceleratorConfigReader.Default.ReadFile(file);
        var table = AcceleratorCosts.Table(config);
        var pricer = new EnergyModel(table).Pricer;
        var p = config.Datapath.Precision;

        // When its buffer accesses, its MAC and its buffer area are priced
        decimal[] accesses =
        [
            pricer.UnitTotal(new ActivityKey(ActivitySite.Memory, ActivityCounter.Read(ActivityCounter.Ifmap, config.Buffers.Ifmap))),
            pricer.UnitTotal(new ActivityKey(ActivitySite.Memory, ActivityCounter.Read(ActivityCounter.Filter, config.Buffers.Filter))),
            pricer.UnitTotal(new ActivityKey(ActivitySite.Memory, ActivityCounter.Write(ActivityCounter.Ofmap, config.Buffers.Ofmap))),
        ];
        decimal mac = pricer.UnitTotal(new ActivityKey(ActivitySite.ProcessingElement, new Mac(p.ActivationBits, p.WeightBits, p.AccumulatorBits)));
        var area = new AreaModel(table).Estimate(AcceleratorCosts.Hardware(config, config.Datapath.Inventory()).Where(i => i.Unit is SramUnit));

        TestContext.Out.WriteLine(FormattableString.Invariant(
            $"{config.Name}: {p.Name} acc{p.AccumulatorBits} MAC {mac} pJ; ifmap read {accesses[0]} pJ, filter read {accesses[1]} pJ, ofmap write {accesses[2]} pJ; buffers {area.TotalMm2:F3} mm^2, SRAM leakage {area.LeakagePowerMw} mW"));

        // Then every number is inside the table's range (no error) and an SRAM access costs more than the MAC it feeds
        Assert.Multiple(() =>
        {
            Assert.That(table.Name, Is.EqualTo("horowitz-45nm"));
            Assert.That(accesses, Has.All.GreaterThan(mac));
            Assert.That(area.SramBits, Is.EqualTo(8 * (config.Buffers.Ifmap.CapacityBytes + config.Buffers.Filter.CapacityBytes + config.Buffers.Ofmap.CapacityBytes)));
            Assert.That(area.SramUm2, Is.GreaterThan(0));
        });
    }
}
