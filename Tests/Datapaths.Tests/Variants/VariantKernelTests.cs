using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Numerics;
using QuantSim.Datapaths.Tests.Reference;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Tests.Variants;

/// <summary>
/// Every variant's integer kernel against the straightforward reference on randomized small conv and
/// FC layers (fixed seeds), through the plain-loop GEMM and through a register-level systolic array
/// written in the test. Accumulator widths are drawn narrow enough that some sums wrap.
/// </summary>
[TestFixture]
public sealed class VariantKernelTests
{
    public static IEnumerable<TestCaseData> Variants()
    {
        yield return new TestCaseData("fixed-point", null, null).SetArgDisplayNames("fixed-point");
        yield return new TestCaseData("lsq", null, null).SetArgDisplayNames("lsq");
        yield return new TestCaseData("per-channel", null, null).SetArgDisplayNames("per-channel");
        // Signed activation codes (the signed + symmetric LSQ of Bhalgat et al. 2020): negative inputs and outputs.
        yield return new TestCaseData("lsq", "activations", "signed").SetArgDisplayNames("lsq signed activations");
        yield return new TestCaseData("per-channel", "activations", "signed").SetArgDisplayNames("per-channel signed activations");
        foreach (string form in new[] { "in-pe", "folded" })
        {
            foreach (string weights in new[] { "symmetric", "asymmetric" })
            {
                yield return new TestCaseData("scale-offset", "form", form + "/" + weights).SetArgDisplayNames($"scale-offset {form} {weights}");
            }
        }

        yield return new TestCaseData("mixed-precision", "pe", "bit-composable").SetArgDisplayNames("mixed-precision bit-composable");
        yield return new TestCaseData("mixed-precision", "pe", "bit-serial").SetArgDisplayNames("mixed-precision bit-serial");
    }

    [TestCaseSource(nameof(Variants))]
    public void Should_compute_conv_layers_bit_identical_to_the_reference(string kind, string? key, string? value)
    {
        var (datapath, settings) = Resolve(kind, key, value);
        var random = new Random(HashSeed(kind + value) ^ 1);
        int inside = 0, total = 0;
        for (int trial = 0; trial < 25; trial++)
        {
            // Given a random conv layer, precision and quantizers of the variant's shapes.
            var layer = RandomLayers.Conv(random);
            var precision = RandomPrecision(random, datapath);
            var specs = datapath.Quantizers(precision, settings);
            int k = ConvLowering.ReductionLength(layer);
            var q = RandomLayers.Quantization(random, specs, layer.Filters, k);
            int[] input = RandomLayers.Codes(random, specs.Activations, layer.InputHeight * layer.InputWidth * layer.InputChannels);
            int[] weights = RandomLayers.Codes(random, specs.Weights, layer.Filters * k);

            // When the variant's kernel runs it.
            var kernel = datapath.CreateKernel(q, ConvLowering.Weights(layer, weights), precision, settings);
            int[] actual = LayerRunner.Conv(kernel, layer, input);

            // Then every output code equals the reference's.
            var accs = ReferenceLayers.ConvAccumulators(layer, input, weights, q.Input.ZeroPoint(), q.Weights.ZeroPoint(), q.Bias, precision.AccumulatorBits);
            int[] expected = [.. accs.Select((acc, i) => Requantize(kind, q, acc, i % layer.Filters))];
            Assert.That(actual, Is.EqualTo(expected), $"trial {trial}: {layer} at {precision}");
            inside += actual.Count(v => v > q.Output!.QMin && v < q.Output.QMax);
            total += actual.Length;
        }

        // And the layers exercise the rounding path, not just the clamp. About half the outputs of an
        // unsigned (ReLU) output quantizer clamp to 0 and 2-bit outputs have only two interior codes,
        // so the bar is 1 in 8 (measured: 15-35 % per variant with these seeds).
        Assert.That(inside, Is.GreaterThan(total / 8), $"{inside} of {total} outputs strictly inside the output range");
    }

    [TestCaseSource(nameof(Variants))]
    public void Should_compute_fully_connected_layers_bit_identical_to_the_reference(string kind, string? key, string? value)
    {
        var (datapath, settings) = Resolve(kind, key, value);
        var random = new Random(HashSeed(kind + value) ^ 2);
        for (int trial = 0; trial < 25; trial++)
        {
            var layer = RandomLayers.FullyConnected(random);
            var precision = RandomPrecision(random, datapath);
            var specs = datapath.Quantizers(precision, settings);
            var q = RandomLayers.Quantization(random, specs, layer.OutputFeatures, layer.InputFeatures);
            int[] input = RandomLayers.Codes(random, specs.Activations, layer.Batch * layer.InputFeatures);
            int[] weights = RandomLayers.Codes(random, specs.Weights, layer.OutputFeatures * layer.InputFeatures);

            var kernel = datapath.CreateKernel(q, LayerRunner.FullyConnectedWeights(layer, weights), precision, settings);
            int[] actual = LayerRunner.FullyConnected(kernel, layer, input);

            var accs = ReferenceLayers.FullyConnectedAccumulators(layer, input, weights, q.Input.ZeroPoint(), q.Weights.ZeroPoint(), q.Bias, precision.AccumulatorBits);
            int[] expected = [.. accs.Select((acc, i) => Requantize(kind, q, acc, i % layer.OutputFeatures))];
            Assert.That(actual, Is.EqualTo(expected), $"trial {trial}: {layer} at {precision}");
        }
    }

    [TestCaseSource(nameof(Variants))]
    public void Should_requantize_to_an_output_precision_other_than_the_input(string kind, string? key, string? value)
    {
        var (datapath, settings) = Resolve(kind, key, value);
        var random = new Random(HashSeed(kind + value) ^ 4);
        int[] bits = [2, 4, 8, 16];
        for (int trial = 0; trial < 25; trial++)
        {
            // Given a layer whose output feeds a layer of other bits (an 8-bit classifier after 4-bit layers).
            var layer = RandomLayers.FullyConnected(random);
            var precision = RandomPrecision(random, datapath);
            int outputBits = bits.Where(b => b != precision.ActivationBits).ElementAt(random.Next(0, 3));
            var specs = datapath.Quantizers(precision, settings);
            var q = RandomLayers.Quantization(random, specs, layer.OutputFeatures, layer.InputFeatures, outputBits);
            int[] input = RandomLayers.Codes(random, specs.Activations, layer.Batch * layer.InputFeatures);
            int[] weights = RandomLayers.Codes(random, specs.Weights, layer.OutputFeatures * layer.InputFeatures);

            // When the kernel runs it, Then the outputs are the reference's, clamped to the output's own codes.
            int[] actual = LayerRunner.FullyConnected(datapath.CreateKernel(q, LayerRunner.FullyConnectedWeights(layer, weights), precision, settings), layer, input);
            var accs = ReferenceLayers.FullyConnectedAccumulators(layer, input, weights, q.Input.ZeroPoint(), q.Weights.ZeroPoint(), q.Bias, precision.AccumulatorBits);
            Assert.That(actual, Is.EqualTo(accs.Select((acc, i) => Requantize(kind, q, acc, i % layer.OutputFeatures)).ToArray()), $"trial {trial}: {layer} at {precision} -> {outputBits} bits");
            Assert.That(actual, Is.All.InRange(q.Output!.QMin, q.Output.QMax));
        }
    }

    [TestCaseSource(nameof(Variants))]
    public void Should_write_the_corrected_accumulators_when_the_layer_has_no_output_quantizer(string kind, string? key, string? value)
    {
        var (datapath, settings) = Resolve(kind, key, value);
        var random = new Random(HashSeed(kind + value) ^ 5);
        for (int trial = 0; trial < 25; trial++)
        {
            // Given a classifier-like layer whose int32 results are read by the host.
            var layer = RandomLayers.Conv(random);
            var precision = RandomPrecision(random, datapath);
            var specs = datapath.Quantizers(precision, settings);
            int k = ConvLowering.ReductionLength(layer);
            var q = RandomLayers.Quantization(random, specs, layer.Filters, k) with { Output = null };
            int[] input = RandomLayers.Codes(random, specs.Activations, layer.InputHeight * layer.InputWidth * layer.InputChannels);
            int[] weights = RandomLayers.Codes(random, specs.Weights, layer.Filters * k);

            // When the kernel runs it, Then every output is bias + Σ(x − z_x)(w − z_w) wrapped to the
            // accumulator, whichever form (in-PE or folded offsets) computed it.
            int[] actual = LayerRunner.Conv(datapath.CreateKernel(q, ConvLowering.Weights(layer, weights), precision, settings), layer, input);
            var accs = ReferenceLayers.ConvAccumulators(layer, input, weights, q.Input.ZeroPoint(), q.Weights.ZeroPoint(), q.Bias, precision.AccumulatorBits);
            Assert.That(actual, Is.EqualTo(accs.Select(a => (int)a).ToArray()), $"trial {trial}: {layer} at {precision}");
        }
    }

    [TestCaseSource(nameof(Variants))]
    public void Should_give_the_same_outputs_through_a_register_level_systolic_array(string kind, string? key, string? value)
    {
        var (datapath, settings) = Resolve(kind, key, value);
        var random = new Random(HashSeed(kind + value) ^ 3);
        for (int trial = 0; trial < 10; trial++)
        {
            // Given a random conv layer lowered to GEMM rows, and an array of random size.
            var layer = RandomLayers.Conv(random) with { Groups = 1 };
            if (layer.Problems().Any())
            {
                continue;
            }

            var precision = RandomPrecision(random, datapath);
            var specs = datapath.Quantizers(precision, settings);
            int k = ConvLowering.ReductionLength(layer);
            var q = RandomLayers.Quantization(random, specs, layer.Filters, k);
            int[] input = RandomLayers.Codes(random, specs.Activations, layer.InputHeight * layer.InputWidth * layer.InputChannels);
            int[] weights = RandomLayers.Codes(random, specs.Weights, layer.Filters * k);
            var kernel = datapath.CreateKernel(q, ConvLowering.Weights(layer, weights), precision, settings);
            var rows = ConvLowering.Activations(layer, input, 0, kernel.ActivationPadValue);

            // When the array drives the kernel per PE and per output.
            var viaArray = OutputStationaryTestArray.Run(kernel, rows, random.Next(1, 5), random.Next(1, 5), 0, layer.Filters);

            // Then it equals the reference outputs.
            var accs = ReferenceLayers.ConvAccumulators(layer, input, weights, q.Input.ZeroPoint(), q.Weights.ZeroPoint(), q.Bias, precision.AccumulatorBits);
            for (int i = 0; i < accs.Length; i++)
            {
                int m = i / layer.Filters, n = i % layer.Filters;
                Assert.That(viaArray[m, n], Is.EqualTo(Requantize(kind, q, accs[i], n)), $"trial {trial}, output ({m}, {n})");
            }
        }
    }

    internal static int Requantize(string kind, LayerQuantization q, long acc, int channel) =>
        kind == "fixed-point"
            ? ReferenceLayers.ShiftRequantize(acc, q.Input.FractionalBits() + q.Weights.FractionalBits() - q.Output!.FractionalBits(), q.Output.QMin, q.Output.QMax)
            : ReferenceLayers.MultiplierRequantize(acc, q.Input.Scale() * q.Weights.Scale(channel) / q.Output!.Scale(), q.Output.ZeroPoint(), q.Output.QMin, q.Output.QMax);

    internal static (IDatapath, DatapathSettings) Resolve(string kind, string? key, string? value)
    {
        Assert.That(DatapathRegistry.Default.TryGet(kind, out var datapath), Is.True);
        var options = new Dictionary<string, string>();
        if (key == "form")
        {
            string[] parts = value!.Split('/');
            options["form"] = parts[0];
            options["weights"] = parts[1];
        }
        else if (key is not null)
        {
            options[key] = value!;
        }

        return (datapath, DatapathSettings.Resolve(datapath, options));
    }

    internal static Precision RandomPrecision(Random random, IDatapath datapath)
    {
        int[] bits = [2, 4, 8, 16];
        while (true)
        {
            int bw = bits[random.Next(0, 4)], ba = bits[random.Next(0, 4)];
            // Narrow accumulators on purpose: wrapping must behave identically everywhere.
            int acc = random.Next(Math.Max(bw + ba, 12), 33);
            var precision = new Precision(bw, ba, acc);
            if (!datapath.CheckPrecision(precision).Any())
            {
                return precision;
            }
        }
    }

    internal static int HashSeed(string text) => text.Aggregate(17, (h, c) => unchecked((h * 31) + c));
}
