using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Numerics;
using QuantSim.Datapaths.Tests.Reference;
using QuantSim.Datapaths.Tests.Variants;
using QuantSim.Simulator.Systolic;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Tests.Integration;

/// <summary>
/// Every variant's numerics through the simulator's register-level systolic array (all three
/// dataflows, random array sizes, grouped convolutions): the array moves the raw codes through its PE
/// registers with the kernel's operand transform at the edge, the kernel's output stage finishes the
/// accumulators, and the result must equal the independent reference bit for bit.
/// </summary>
[TestFixture]
public sealed class RegisterArrayKernelTests
{
    public static IEnumerable<TestCaseData> Cases() =>
        from variant in VariantKernelTests.Variants()
        from dataflow in new[] { Dataflow.OutputStationary, Dataflow.WeightStationary, Dataflow.InputStationary }
        select new TestCaseData(variant.Arguments[0], variant.Arguments[1], variant.Arguments[2], dataflow)
            .SetArgDisplayNames($"{variant.TestName ?? string.Join(' ', variant.Arguments.Where(a => a is not null))} {dataflow}");

    [TestCaseSource(nameof(Cases))]
    public void Should_produce_reference_outputs_through_the_register_level_array(string kind, string? key, string? value, Dataflow dataflow)
    {
        var (datapath, settings) = VariantKernelTests.Resolve(kind, key, value);
        var random = new Random(VariantKernelTests.HashSeed(kind + value + dataflow));
        for (int trial = 0; trial < 6; trial++)
        {
            // Given a random conv layer (possibly grouped) quantized for the variant.
            var layer = RandomLayers.Conv(random);
            var precision = VariantKernelTests.RandomPrecision(random, datapath);
            var specs = datapath.Quantizers(precision, settings);
            int k = ConvLowering.ReductionLength(layer);
            var q = RandomLayers.Quantization(random, specs, layer.Filters, k);
            int[] input = RandomLayers.Codes(random, specs.Activations, layer.InputHeight * layer.InputWidth * layer.InputChannels);
            int[] weights = RandomLayers.Codes(random, specs.Weights, layer.Filters * k);
            var weightMatrix = ConvLowering.Weights(layer, weights);
            var kernel = datapath.CreateKernel(q, weightMatrix, precision, settings);

            // When its GEMM view runs on the register-level array and the kernel finishes each output.
            int fg = layer.FiltersPerGroup, pixels = layer.OutputHeight * layer.OutputWidth;
            var problem = new GemmProblem(layer.Name, pixels, fg, k, layer.Groups);
            var a = Enumerable.Range(0, layer.Groups).Select(g => Flatten(ConvLowering.Activations(layer, input, g, kernel.ActivationPadValue))).ToArray();
            var b = Enumerable.Range(0, layer.Groups).Select(g => Columns(weightMatrix, g * fg, fg)).ToArray();
            var array = new ArrayConfig(random.Next(1, 7), random.Next(1, 7), dataflow, TimingConvention.Native);
            var run = RegisterArray.Run(array, new GemmOperands(problem, a, b), new KernelOperandTransform(kernel));
            var actual = new int[pixels * layer.Filters];
            for (int g = 0; g < layer.Groups; g++)
            {
                int[] finished = kernel.FinishRows(run.Outputs[g], a[g], g * fg, fg);
                for (int m = 0; m < pixels; m++)
                {
                    for (int n = 0; n < fg; n++)
                    {
                        actual[m * layer.Filters + g * fg + n] = finished[m * fg + n];
                    }
                }
            }

            // Then every output equals the reference.
            var accs = ReferenceLayers.ConvAccumulators(layer, input, weights, q.Input.ZeroPoint(), q.Weights.ZeroPoint(), q.Bias, precision.AccumulatorBits);
            int[] expected = [.. accs.Select((acc, i) => VariantKernelTests.Requantize(kind, q, acc, i % layer.Filters))];
            Assert.That(actual, Is.EqualTo(expected), $"trial {trial}: {layer} at {precision} on {array}");
        }
    }

    private static int[] Flatten(int[,] m) => [.. m.Cast<int>()];

    private static int[] Columns(int[,] m, int first, int count)
    {
        int k = m.GetLength(0);
        var result = new int[k * count];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < count; j++)
            {
                result[i * count + j] = m[i, first + j];
            }
        }

        return result;
    }
}
