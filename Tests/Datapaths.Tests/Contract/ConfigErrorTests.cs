using QuantSim.Datapaths.Contract;
using QuantSim.Input;
using QuantSim.Simulator.Config;
using QuantSim.Workloads;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Tests.Contract;

/// <summary>Bad datapath parameters give located, explicit config errors.</summary>
[TestFixture]
public sealed class ConfigErrorTests
{
    private static InputError[] Errors(string body)
    {
        var ex = Assert.Throws<InputException>(() => AcceleratorConfigReader.Default.Read("bad.yaml", ConfigTexts.With(body)));
        return [.. ex!.Errors];
    }

    [Test]
    public void Should_read_a_valid_scale_offset_config()
    {
        var config = AcceleratorConfigReader.Default.Read("ok.yaml", ConfigTexts.With("kind: scale-offset\n  weight_bits: 8\n  activation_bits: 8\n  form: folded"));
        Assert.That(config.Datapath.Settings["form"], Is.EqualTo("folded"));
        Assert.That(config.Datapath.Settings["weights"], Is.EqualTo("symmetric"));
    }

    [TestCase(0)]
    [TestCase(33)]
    public void Should_reject_out_of_range_bits(int bits)
    {
        var errors = Errors($"kind: lsq\n  weight_bits: {bits}\n  activation_bits: 8");
        Assert.That(errors.Select(e => e.Field), Does.Contain("datapath.weight_bits"));
        Assert.That(errors.All(e => e.Line > 0), Is.True, "located at a line");
    }

    [TestCase("lsq", "form: folded")]
    [TestCase("per-channel", "weights: asymmetric")]
    [TestCase("fixed-point", "form: in-pe")]
    public void Should_reject_an_offset_option_on_a_variant_without_one(string kind, string option)
    {
        var errors = Errors($"kind: {kind}\n  weight_bits: 8\n  activation_bits: 8\n  {option}");
        string key = option.Split(':')[0];
        Assert.That(errors, Has.Length.EqualTo(1));
        Assert.That(errors[0].Field, Is.EqualTo($"datapath.{key}"));
        Assert.That(errors[0].Message, Does.Contain("unknown key"));
    }

    [Test]
    public void Should_reject_a_wide_accumulator_on_the_bit_fusion_unit()
    {
        // lsq's requantizer takes up to 64 bits (an A x 32 multiply); the Bit Fusion unit's accumulator is 32 bits.
        var lsq = AcceleratorConfigReader.Default.Read("ok.yaml", ConfigTexts.With("kind: lsq\n  weight_bits: 8\n  activation_bits: 8\n  accumulator_bits: 48"));
        Assert.That(lsq.Datapath.Precision.AccumulatorBits, Is.EqualTo(48));
        var errors = Errors("kind: mixed-precision\n  weight_bits: 8\n  activation_bits: 8\n  accumulator_bits: 48");
        Assert.That(errors.Single().Field, Is.EqualTo("datapath.accumulator_bits"));
        Assert.That(errors.Single().Message, Does.Contain("at most 32"));
    }

    [Test]
    public void Should_reject_mixed_precision_bits_a_fusion_unit_cannot_compose()
    {
        var errors = Errors("kind: mixed-precision\n  weight_bits: 3\n  activation_bits: 8");
        Assert.That(errors.Single().Message, Does.Contain("one of 2, 4, 8, 16"));
    }

    [Test]
    public void Should_demand_per_layer_bits_for_mixed_precision()
    {
        // Given a workload where one layer has its own bits and one has none.
        var workload = new Workload("w", [
            new FullyConnectedLayer("fc1", 16, 8) { Precision = new Precision(4, 4, 32) },
            new FullyConnectedLayer("fc2", 8, 4),
        ]);
        Assert.That(DatapathRegistry.Default.TryGet("mixed-precision", out var mixed), Is.True);

        // When checked against mixed precision, Then the bare layer is named; lsq accepts it.
        var problems = WorkloadPrecisionCheck.Check(DatapathChoice.Of(mixed, Precision.W8A8), workload);
        Assert.That(problems.Select(p => p.Layer), Is.EqualTo(new[] { "fc2" }));
        Assert.That(problems[0].Message, Does.Contain("needs per-layer bit-widths"));
        Assert.That(DatapathRegistry.Default.TryGet("lsq", out var lsq), Is.True);
        Assert.That(WorkloadPrecisionCheck.Check(DatapathChoice.Of(lsq, Precision.W8A8), workload), Is.Empty);
    }

    [Test]
    public void Should_report_bare_layers_once_for_the_whole_workload()
    {
        // Given five layers without bits on mixed precision
        var workload = new Workload("net", [.. Enumerable.Range(1, 5).Select(i => new FullyConnectedLayer($"fc{i}", 8, 8))]);
        Assert.That(DatapathRegistry.Default.TryGet("mixed-precision", out var mixed), Is.True);

        // Then one problem names the count and the first three
        var problems = WorkloadPrecisionCheck.Check(DatapathChoice.Of(mixed, Precision.W8A8), workload);
        Assert.That(problems.Single().Message, Is.EqualTo(
            "datapath 'mixed-precision' needs per-layer bit-widths, but 5 layers have none (fc1, fc2, fc3 and 2 more); give every layer of workload 'net' its weight and activation bits"));
    }

    [Test]
    public void Should_raise_the_workload_problems_as_input_errors()
    {
        var workload = new Workload("w", [new FullyConnectedLayer("fc2", 8, 4)]);
        Assert.That(DatapathRegistry.Default.TryGet("mixed-precision", out var mixed), Is.True);
        var ex = Assert.Throws<InputException>(() => WorkloadPrecisionCheck.ThrowIfAny(DatapathChoice.Of(mixed, Precision.W8A8), workload, "net.csv"));
        Assert.That(ex!.Errors.Single().ToString(), Does.StartWith("net.csv: fc2.precision: datapath 'mixed-precision' needs per-layer bit-widths"));
    }

    [Test]
    public void Should_check_each_layers_own_precision_against_the_variant()
    {
        var workload = new Workload("w", [new FullyConnectedLayer("fc1", 16, 8) { Precision = new Precision(3, 8, 32) }]);
        Assert.That(DatapathRegistry.Default.TryGet("mixed-precision", out var mixed), Is.True);
        var problems = WorkloadPrecisionCheck.Check(DatapathChoice.Of(mixed, Precision.W8A8), workload);
        Assert.That(problems.Single().Field, Is.EqualTo(DatapathProblem.WeightBits));
        Assert.That(problems.Single().Message, Does.Contain("fc1").And.Contain("w3a8"));
    }
}
