using QuantSim.Input;
using QuantSim.Workloads.Onnx;

namespace QuantSim.Workloads.Tests.Onnx;

/// <summary>
/// Corrupted models (bytes flipped, files cut short, fixed seeds): the reader either reads a
/// workload whose layers are all valid or refuses with an <see cref="InputException"/>; any other
/// exception would be an exit 1 the robustness contract forbids.
/// </summary>
[TestFixture]
public sealed class OnnxMutationTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        var models = new (string Name, Func<byte[]> Build)[]
        {
            ("resnet", OnnxTestModels.ResNet), ("mobilenet", OnnxTestModels.MobileNet), ("attention", OnnxTestModels.Attention),
            ("qdq", OnnxTestModels.Qdq), ("qlinear", OnnxTestModels.QLinear),
        };
        foreach (var (name, build) in models)
        {
            yield return new TestCaseData(name, build()).SetName($"Should_read_or_refuse_every_mutation_of_{name}");
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Should_read_or_refuse_every_mutation(string name, byte[] model)
    {
        var random = new Random(20261202);
        var unexpected = new List<string>();
        int refused = 0;
        for (int i = 0; i < 400; i++)
        {
            byte[] bytes = i % 4 == 0 ? model[..random.Next(model.Length)] : (byte[])model.Clone();
            if (i % 4 != 0)
            {
                for (int flips = random.Next(1, 4); flips > 0; flips--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }
            }

            try
            {
                var import = OnnxModelReader.Read($"{name}.onnx", bytes, name);
                foreach (var layer in import.Workload.Layers.Where(l => l.Problems().Any() || l.Macs <= 0))
                {
                    unexpected.Add($"mutation {i}: accepted an impossible layer {layer}");
                }
            }
            catch (InputException)
            {
                refused++;
            }
            catch (Exception ex)
            {
                unexpected.Add($"mutation {i}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        Assert.That(unexpected, Is.Empty);
        Assert.That(refused, Is.GreaterThan(0), "no mutation was refused: the corruption did not reach the reader");
    }
}
