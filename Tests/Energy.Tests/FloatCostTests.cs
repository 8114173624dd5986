using QuantSim.Datapaths.Numerics;
using QuantSim.Energy.Area;
using QuantSim.Energy.Costs;
using QuantSim.Energy.Model;
using QuantSim.Input;
using QuantSim.Simulator.Activity;

namespace QuantSim.Energy.Tests;

/// <summary>The floating-point section of the cost table: the quoted H14/HP6 numbers, and a table without it refused by name.</summary>
public sealed class FloatCostTests
{
    [Test]
    public void Should_price_float_units_at_the_quoted_figures()
    {
        var pricer = new ActionPricer(BuiltInTable.Horowitz45);
        var area = new AreaModel(BuiltInTable.Horowitz45);
        Assert.Multiple(() =>
        {
            Assert.That(pricer.UnitTotal(new ActivityKey(ActivitySite.ProcessingElement, new FloatMac(FloatFormat.Fp16, FloatFormat.Fp32))), Is.EqualTo(1.1m + 0.9m));
            Assert.That(pricer.UnitTotal(new ActivityKey(ActivitySite.OutputStage, new FloatMultiply(FloatFormat.Fp32))), Is.EqualTo(3.7m));
            Assert.That(pricer.UnitTotal(new ActivityKey(ActivitySite.OutputStage, new FloatAdd(FloatFormat.Fp16))), Is.EqualTo(0.4m));
            Assert.That(area.UnitAreaUm2(new FloatMultiplierUnit("fp16")), Is.EqualTo(1640));
            Assert.That(area.UnitAreaUm2(new FloatAdderUnit("fp32")), Is.EqualTo(4184));
        });
    }

    [Test]
    public void Should_name_the_missing_section_when_a_table_has_no_float_units()
    {
        var table = BuiltInTable.Horowitz45 with { FloatingPoint = new Dictionary<string, FloatUnitCosts>() };
        var pricer = new ActionPricer(table);
        var error = Assert.Throws<InputException>(() => pricer.UnitTotal(new ActivityKey(ActivitySite.ProcessingElement, new FloatMac(FloatFormat.Bf16, FloatFormat.Fp32))));
        Assert.That(error!.Message, Does.Contain("floating_point").And.Contain("bf16"));
    }
}
