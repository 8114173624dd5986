using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using QuantSim.Datapaths.Contract;
using QuantSim.Workloads.Torch.Data;
using QuantSim.Workloads.Torch.Integer;

namespace QuantSim.Workloads.Torch.Tests.OnnxRuntime;

/// <summary>
/// Scores images with an <see cref="IntegerModel"/> exported to ONNX (<see cref="QLinearOnnxExport"/>) in ONNX
/// Runtime and on QuantSim's integer path with the model's datapath switched to a <c>rounding</c> value, and
/// counts images whose int32 logits are identical and whose predictions agree.
/// </summary>
internal sealed record OnnxRuntimeAgreement(int Images, int IdenticalLogits, int SamePrediction, int OrtCorrect, int IntegerCorrect)
{
    public static OnnxRuntimeAgreement Measure(IntegerModel model, ImageSet images, string rounding)
    {
        var options = model.Datapath.Settings.Values.ToDictionary(kv => kv.Key, kv => kv.Value);
        options[RoundingOption.Key] = rounding;
        var integer = new IntegerInference(model with { Datapath = DatapathChoice.Of(model.Datapath.Datapath, model.Datapath.Precision, options) });

        int pixels = images.PixelsPerImage, classes = model.Architecture.Classes;
        int[][] codes = [.. Enumerable.Range(0, images.Count).Select(n => model.QuantizeImage(images.Pixels.AsSpan(n * pixels, pixels)))];
        int[] ortLogits = OrtLogits(QLinearOnnxExport.Export(model), codes, model.Architecture.InputChannels, model.Architecture.InputSide, classes);

        int identical = 0, same = 0, ortCorrect = 0, integerCorrect = 0;
        for (int n = 0; n < images.Count; n++)
        {
            int[] ours = integer.Logits(codes[n]);
            int[] theirs = ortLogits[(n * classes)..((n + 1) * classes)];
            identical += ours.SequenceEqual(theirs) ? 1 : 0;
            int a = integer.Classify(ours), b = integer.Classify(theirs);
            same += a == b ? 1 : 0;
            integerCorrect += a == images.Labels[n] ? 1 : 0;
            ortCorrect += b == images.Labels[n] ? 1 : 0;
        }

        return new(images.Count, identical, same, ortCorrect, integerCorrect);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Images} images: identical int32 logits {IdenticalLogits}, same prediction {SamePrediction} ({100.0 * SamePrediction / Images:0.00} %), top-1 ONNX Runtime {100.0 * OrtCorrect / Images:0.00} %, integer path {100.0 * IntegerCorrect / Images:0.00} %");

    /// <summary>The classifier's int32 accumulators of every image, [image][class], in batches of 1,000.</summary>
    private static int[] OrtLogits(byte[] onnx, int[][] codes, int channels, int side, int classes)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        using var session = new InferenceSession(onnx, options);
        var logits = new int[codes.Length * classes];
        const int Batch = 1000;
        for (int start = 0; start < codes.Length; start += Batch)
        {
            int count = Math.Min(Batch, codes.Length - start);
            int size = channels * side * side;
            var input = new DenseTensor<byte>([count, channels, side, side]);
            for (int n = 0; n < count; n++)
            {
                for (int i = 0; i < size; i++)
                {
                    input.Buffer.Span[n * size + i] = (byte)codes[start + n][i];
                }
            }

            using var results = session.Run([NamedOnnxValue.CreateFromTensor("x", input)]);
            int[] batch = [.. results.Single().AsTensor<int>()];
            batch.CopyTo(logits, start * classes);
        }

        return logits;
    }
}
