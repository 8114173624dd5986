using QuantSim.Cli.Study;
using QuantSim.Datapaths.Contract;
using QuantSim.Energy.Pricing;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Engine;
using QuantSim.Workloads.Layers;

namespace QuantSim.Cli.Tests.Study;

/// <summary>
/// The study's sized accumulators are <c>accumulator_bits: auto</c>: what each layer's dot product needs, up to
/// 64 bits, so the dequantize forms at 16 bits are priced as the correct (non-wrapping) design.
/// </summary>
public sealed class StudyAccumulatorTests
{
    [TestCase("scale-offset/dequantize-in-pe")]
    [TestCase("scale-offset/dequantize-at-edge")]
    [TestCase("lsq")]
    public void Should_Price_A_Sized_Point_As_Simulate_Prices_The_Config_With_Auto_Accumulators(string label)
    {
        // Given the study's form at w8a8 on LeNet-5, priced by the study with sized accumulators
        var baseConfig = AcceleratorConfigReader.Default.ReadFile(CliRun.BuiltIn("default"));
        var lenet = Workloads.WorkloadSource.Resolve("lenet5");
        var variant = StudyVariant.All(DatapathRegistry.Default).Single(v => v.Label == label);
        var study = StudyHardware.Measure(baseConfig, lenet, variant, StudyPrecision.All[0], sizeAccumulators: true);

        // When the same design is simulated the way `simulate` runs a config saying accumulator_bits: auto (the
        // simulator sizes each layer from its K, with the widest width a layer may get)
        var auto = baseConfig with
        {
            Datapath = DatapathChoice.Of(variant.Datapath, new Precision(8, 8, Precision.MaxAccumulatorBits), variant.Options) with { SizesAccumulators = true },
        };
        var simulation = AcceleratorSimulator.Run(auto, lenet, Fidelity.Fast, auto.Origin.File);
        var widths = simulation.Layers.Select(l => l.Precision.AccumulatorBits).ToList();

        // Then the study's widths (each above 32 for a dequantized 16 x 16 MAC: 32 + ceil(log2 K), K = 25..400)
        // and its energy are simulate's
        if (label.Contains("dequantize", StringComparison.Ordinal))
        {
            Assert.That(widths, Has.All.GreaterThan(32));
        }

        var priced = SimulationPricer.Price(simulation, PricingCheck.Check(auto, lenet));
        Assert.That(study.Priced.EnergyPerInferencePj, Is.EqualTo(QuantSim.Cli.Reports.PricedSummary.Of(priced).EnergyPerInferencePj));
    }
}
